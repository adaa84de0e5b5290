import type { readIamModel } from '@petstore/gateway/iam';

// The gateway's template reader defines these; `@petstore/gateway/iam` exports the reader only,
// so the types are taken from its signature (one definition, no copy).

/** The OIDC providers and roles of a template. */
export type IamModel = Awaited<ReturnType<typeof readIamModel>>;
/** An `AWS::IAM::OIDCProvider` of the template. */
export type OidcProviderModel = IamModel['oidcProviders'][number];
/** An `AWS::IAM::Role` of the template. */
export type RoleModel = IamModel['roles'] extends ReadonlyMap<string, infer Role> ? Role : never;
/** Parameter values and the local identity (account, region, stack name) of a template read. */
export type TemplateInputs = NonNullable<Parameters<typeof readIamModel>[1]>;
/** The account, region and stack a local run pretends to be. */
export type LocalIdentity = NonNullable<TemplateInputs['identity']>;
