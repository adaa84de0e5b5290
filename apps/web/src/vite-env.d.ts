/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_OIDC_ISSUER?: string;
  readonly VITE_OIDC_CLIENT_ID?: string;
  readonly VITE_API_AUDIENCE?: string;
  readonly VITE_API_URL?: string;
  readonly VITE_OIDC_AUDIENCE_PARAMETER?: string;
  readonly VITE_OIDC_SCOPE?: string;
  readonly VITE_API_MODE?: string;
  readonly VITE_IAM_API_URL?: string;
  readonly VITE_AWS_REGION?: string;
  readonly VITE_STS_URL?: string;
  readonly VITE_ADMIN_ROLE_ARN?: string;
  readonly VITE_BUYER_ROLE_ARN?: string;
}
