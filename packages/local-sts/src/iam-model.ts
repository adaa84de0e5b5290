// The gateway's template reader defines the IAM model and the local identity; the STS serves them.
export type {
  IamModel,
  LocalIdentity,
  OidcProviderModel,
  RoleModel,
  TemplateInputs,
} from '@petstore/gateway/iam';
