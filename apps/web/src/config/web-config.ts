import * as z from 'zod/mini';

/** How the app's audience reaches the authorization request: RFC 8707 `resource` or Auth0's `audience`. */
export const audienceParameterValues = ['resource', 'audience'] as const;

const schema = z.object({
  VITE_OIDC_ISSUER: z.url(),
  VITE_OIDC_CLIENT_ID: z.string().check(z.minLength(1)),
  VITE_API_AUDIENCE: z.string().check(z.minLength(1)),
  VITE_API_URL: z.url(),
  VITE_OIDC_AUDIENCE_PARAMETER: z._default(z.enum(audienceParameterValues), 'resource'),
  VITE_OIDC_SCOPE: z._default(
    z.string().check(z.minLength(1)),
    'openid profile email offline_access',
  ),
});

/** The app's settings, fixed at build time. */
export interface WebConfig {
  /** The OpenID provider's issuer URL (discovery at `/.well-known/openid-configuration`). */
  readonly issuer: string;
  readonly clientId: string;
  /** The API identifier the access token must be issued for (`aud`). */
  readonly audience: string;
  readonly audienceParameter: (typeof audienceParameterValues)[number];
  readonly scope: string;
  /** The API's base URL, without a trailing slash. */
  readonly apiUrl: string;
}

/** One variable that is missing or wrong. */
export interface ConfigProblem {
  readonly variable: string;
  readonly message: string;
}

/** The build-time configuration is incomplete; `problems` names each variable. */
export class WebConfigError extends Error {
  override readonly name = 'WebConfigError';
  readonly code = 'INVALID_WEB_CONFIGURATION';
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(problems.map((problem) => `${problem.variable}: ${problem.message}`).join('; '));
  }
}

/**
 * Reads and validates the app's configuration from build-time variables (`import.meta.env`).
 * Empty values count as missing.
 *
 * @example
 * readWebConfig({ VITE_OIDC_ISSUER: 'http://127.0.0.1:9000', VITE_OIDC_CLIENT_ID: 'petstore-web',
 *   VITE_API_AUDIENCE: 'https://api.petstore.local', VITE_API_URL: 'http://127.0.0.1:3000' })
 * // { issuer: 'http://127.0.0.1:9000', clientId: 'petstore-web', audienceParameter: 'resource', ... }
 */
export function readWebConfig(env: Record<string, unknown>): WebConfig {
  const present = Object.fromEntries(
    Object.keys(schema.shape).flatMap((name) =>
      env[name] === '' || env[name] === undefined ? [] : [[name, env[name]]],
    ),
  );
  const result = schema.safeParse(present);
  if (!result.success) {
    throw new WebConfigError(
      result.error.issues.map((issue) => {
        const variable = String(issue.path[0]);
        return { variable, message: variable in present ? describe(issue.code) : 'is not set' };
      }),
    );
  }
  const values = result.data;
  return {
    issuer: values.VITE_OIDC_ISSUER,
    clientId: values.VITE_OIDC_CLIENT_ID,
    audience: values.VITE_API_AUDIENCE,
    audienceParameter: values.VITE_OIDC_AUDIENCE_PARAMETER,
    scope: values.VITE_OIDC_SCOPE,
    apiUrl: values.VITE_API_URL.replace(/\/+$/, ''),
  };
}

function describe(code: string): string {
  if (code === 'invalid_format') return 'is not a valid URL';
  if (code === 'invalid_value') return `must be one of ${audienceParameterValues.join(', ')}`;
  return 'is not valid';
}
