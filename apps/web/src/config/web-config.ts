/** How the audience reaches the authorization request: RFC 8707 `resource`, or Auth0's `audience`. */
export const audienceParameterValues = ['resource', 'audience'] as const;
export type AudienceParameter = (typeof audienceParameterValues)[number];

/** The app's settings, fixed at build time. */
export interface WebConfig {
  /** The OpenID provider's issuer URL (discovery at `/.well-known/openid-configuration`). */
  readonly issuer: string;
  readonly clientId: string;
  /** The API identifier the access token must be issued for (`aud`). */
  readonly audience: string;
  readonly audienceParameter: AudienceParameter;
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
    super(problems.map((problem) => `${problem.variable} ${problem.message}`).join('; '));
  }
}

export const defaultScope = 'openid profile email offline_access';

/**
 * Reads and validates the app's configuration from build-time variables (`import.meta.env`).
 * Every problem is collected, each naming its variable; empty values count as missing. (Plain
 * checks rather than zod: the schema library alone would cost 6 KB of the 100 KB budget.)
 *
 * @example
 * readWebConfig({ VITE_OIDC_ISSUER: 'http://127.0.0.1:9000', VITE_OIDC_CLIENT_ID: 'petstore-web',
 *   VITE_API_AUDIENCE: 'https://api.petstore.local', VITE_API_URL: 'http://127.0.0.1:3000' })
 * // { issuer: 'http://127.0.0.1:9000', clientId: 'petstore-web', audienceParameter: 'resource', ... }
 */
export function readWebConfig(env: Readonly<Record<string, unknown>>): WebConfig {
  const problems: ConfigProblem[] = [];
  const read = (variable: string, check?: (value: string) => string | undefined) => {
    const value = env[variable];
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push({ variable, message: 'is not set' });
      return '';
    }
    const message = check?.(value.trim());
    if (message) problems.push({ variable, message });
    return value.trim();
  };
  const optional = (variable: string, fallback: string) =>
    typeof env[variable] === 'string' && env[variable].trim() !== '' ? read(variable) : fallback;

  const issuer = read('VITE_OIDC_ISSUER', httpUrl);
  const clientId = read('VITE_OIDC_CLIENT_ID');
  const audience = read('VITE_API_AUDIENCE');
  const apiUrl = read('VITE_API_URL', httpUrl);
  const audienceParameter = optional('VITE_OIDC_AUDIENCE_PARAMETER', 'resource');
  if (!audienceParameterValues.some((value) => value === audienceParameter)) {
    problems.push({
      variable: 'VITE_OIDC_AUDIENCE_PARAMETER',
      message: `must be ${audienceParameterValues.join(' or ')}`,
    });
  }
  const scope = optional('VITE_OIDC_SCOPE', defaultScope);
  if (problems.length > 0) throw new WebConfigError(problems);
  return {
    issuer,
    clientId,
    audience,
    audienceParameter: audienceParameter as AudienceParameter,
    scope,
    apiUrl: apiUrl.replace(/\/+$/, ''),
  };
}

function httpUrl(value: string): string | undefined {
  try {
    const { protocol } = new URL(value);
    if (protocol === 'https:' || protocol === 'http:') return undefined;
  } catch {
    // not a URL at all
  }
  return 'is not an http(s) URL';
}
