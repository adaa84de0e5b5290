import { type IamSettings, readIamSettings } from './iam-settings';
import { type ConfigProblem, envReader, httpUrl } from './read-env';

export type { IamSettings } from './iam-settings';
export type { ConfigProblem } from './read-env';

/** How the audience reaches the authorization request: RFC 8707 `resource`, or Auth0's `audience`. */
export const audienceParameterValues = ['resource', 'audience'] as const;
export type AudienceParameter = (typeof audienceParameterValues)[number];

/**
 * Which API the app calls: `token` (bearer access tokens, the Lambda authorizer) or `iam`
 * (SigV4-signed requests with temporary credentials from STS for the role the ID token names).
 */
export const apiModeValues = ['token', 'iam'] as const;
export type ApiMode = (typeof apiModeValues)[number];

interface CommonConfig {
  /** The OpenID provider's issuer URL (discovery at `/.well-known/openid-configuration`). */
  readonly issuer: string;
  readonly clientId: string;
  /**
   * The API identifier the access token is issued for (`aud`). Always set in token mode; in IAM
   * mode only if configured (the API there trusts the signature, not the access token).
   */
  readonly audience: string | undefined;
  readonly audienceParameter: AudienceParameter;
  readonly scope: string;
  /** The base URL of the API the app calls (token or IAM API), without a trailing slash. */
  readonly apiUrl: string;
}

/** The app's settings, fixed at build time. */
export type WebConfig = CommonConfig &
  ({ readonly mode: 'token' } | { readonly mode: 'iam'; readonly iam: IamSettings });

/** The build-time configuration is incomplete; `problems` names each variable. */
export class WebConfigError extends Error {
  override readonly name = 'WebConfigError';
  readonly code = 'INVALID_WEB_CONFIGURATION';
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(problems.map((problem) => `${problem.variable} ${problem.message}`).join('; '));
  }
}

export const defaultScope = 'openid profile email offline_access';

/**
 * Reads and validates the app's configuration from build-time variables (`import.meta.env`).
 * Every problem is collected, each naming its variable; empty values count as missing. In IAM
 * mode (`VITE_API_MODE=iam`) the IAM API's URL, the region and both role ARNs are needed instead
 * of `VITE_API_URL`, and the audience is optional. (Plain checks rather than zod: the schema
 * library alone would cost 6 KB of the 100 KB budget.)
 *
 * @example
 * readWebConfig({ VITE_OIDC_ISSUER: 'http://127.0.0.1:9000', VITE_OIDC_CLIENT_ID: 'petstore-web',
 *   VITE_API_AUDIENCE: 'https://api.petstore.local', VITE_API_URL: 'http://127.0.0.1:3000' })
 * // { mode: 'token', issuer: 'http://127.0.0.1:9000', clientId: 'petstore-web', audienceParameter: 'resource', ... }
 */
export function readWebConfig(env: Readonly<Record<string, unknown>>): WebConfig {
  const reader = envReader(env);
  const { read, optional, problems } = reader;
  const mode = optional('VITE_API_MODE', 'token');
  if (!apiModeValues.some((value) => value === mode)) {
    problems.push({ variable: 'VITE_API_MODE', message: `must be ${apiModeValues.join(' or ')}` });
  }
  const iamMode = mode === 'iam';
  const issuer = read('VITE_OIDC_ISSUER', httpUrl);
  const clientId = read('VITE_OIDC_CLIENT_ID');
  const audience = iamMode
    ? optional('VITE_API_AUDIENCE', '') || undefined
    : read('VITE_API_AUDIENCE');
  const apiUrl = read(iamMode ? 'VITE_IAM_API_URL' : 'VITE_API_URL', httpUrl);
  const iam = iamMode ? readIamSettings(reader) : undefined;
  const audienceParameter = optional('VITE_OIDC_AUDIENCE_PARAMETER', 'resource');
  if (!audienceParameterValues.some((value) => value === audienceParameter)) {
    problems.push({
      variable: 'VITE_OIDC_AUDIENCE_PARAMETER',
      message: `must be ${audienceParameterValues.join(' or ')}`,
    });
  }
  const scope = optional('VITE_OIDC_SCOPE', defaultScope);
  if (problems.length > 0) throw new WebConfigError(problems);
  const common: CommonConfig = {
    issuer,
    clientId,
    audience,
    audienceParameter: audienceParameter as AudienceParameter,
    scope,
    apiUrl: apiUrl.replace(/\/+$/, ''),
  };
  return iam ? { ...common, mode: 'iam', iam } : { ...common, mode: 'token' };
}
