import type { CommandSpec } from '@petstore/command-line';

/** How the machine client gets its token: the client credentials grant at the issuer. */
export interface MachineClient {
  /** The provider's issuer, exactly as its tokens' `iss` (the template's `TokenIssuer`). */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The API identifier (`Audience`). */
  readonly audience: string;
  /** How the audience is asked for: RFC 8707 `resource`, or Auth0's `audience`. */
  readonly audienceParameter: 'resource' | 'audience';
  /** How the client authenticates at the token endpoint (`client_secret_basic` or `_post`). */
  readonly clientAuth: 'basic' | 'post';
}

/** What a smoke check runs against, and with which credentials. */
export interface SmokeInputs {
  /** The token API's base URL (`ApiUrl`), without a trailing slash. */
  readonly api: string;
  /** The SPA's origin (`SpaUrl`, or `AllowedOrigin`): sent as `Origin`, expected in CORS headers. */
  readonly origin: string;
  /** The IAM API's base URL (`IamApiUrl`), if it is to be checked. */
  readonly iamApi: string | undefined;
  /** The partner API (`PartnerApiUrl`) and its key's value, if it is to be checked. */
  readonly partner: { readonly url: string; readonly apiKey: string } | undefined;
  /** The machine client, if the machine's checks are to run. */
  readonly machine: MachineClient | undefined;
  /** Access tokens of real users: an admin, a buyer, and optionally a second buyer. */
  readonly tokens: {
    readonly admin: string;
    readonly buyer: string;
    readonly otherBuyer: string | undefined;
  };
  /** Only the read-only checks: nothing is written. */
  readonly readOnly: boolean;
}

/** The secrets, read from the environment only (never from the command line, never printed). */
export const secretVariables = {
  adminToken: 'SMOKE_ADMIN_TOKEN',
  buyerToken: 'SMOKE_BUYER_TOKEN',
  otherBuyerToken: 'SMOKE_OTHER_BUYER_TOKEN',
  clientSecret: 'SMOKE_CLIENT_SECRET',
  apiKey: 'SMOKE_API_KEY',
} as const;

export const smokeCommand = {
  usage: 'pnpm smoke --api <ApiUrl> --origin <SpaUrl> [options]',
  details: [
    'Checks a deployed stack against what the local stack does: read-only checks, then an admin',
    'adds a pet, a buyer buys it, the admin removes it (removed even when a step fails).',
    'One line per check (PASS, FAIL or SKIP); exit 1 if any check fails, 2 for a usage mistake.',
    '',
    'Options:',
    '  --api <url>                  the token API (the stack output ApiUrl)',
    '  --origin <url>               the SPA origin CORS must allow (SpaUrl, or AllowedOrigin)',
    '  --iam-api <url>              also the IAM API (IamApiUrl): unsigned calls are refused',
    '  --partner-api <url>          also the partner API (PartnerApiUrl); needs SMOKE_API_KEY and the machine client',
    '  --issuer <url>               the machine client: the provider (TokenIssuer, exactly as in iss),',
    '  --client-id <id>               its client id,',
    '  --audience <id>                the API identifier (Audience),',
    '  --audience-parameter <name>    resource (RFC 8707, default) or audience (Auth0),',
    '  --client-auth <method>         basic (client_secret_basic, default) or post (client_secret_post)',
    '  --read-only                  only the read-only checks: nothing is written',
    '',
    'Secrets, from the environment only (never printed):',
    `  ${secretVariables.adminToken}        an admin's access token (database connection), required`,
    `  ${secretVariables.buyerToken}        a buyer's access token (social connection), required`,
    `  ${secretVariables.otherBuyerToken}  a second buyer's access token: a third purchase is 409`,
    `  ${secretVariables.clientSecret}      the machine client's secret (with --issuer)`,
    `  ${secretVariables.apiKey}            the partner API key's value (with --partner-api)`,
  ].join('\n'),
  options: {
    api: { type: 'string' },
    origin: { type: 'string' },
    'iam-api': { type: 'string' },
    'partner-api': { type: 'string' },
    issuer: { type: 'string' },
    'client-id': { type: 'string' },
    audience: { type: 'string' },
    'audience-parameter': { type: 'string' },
    'client-auth': { type: 'string' },
    'read-only': { type: 'boolean' },
  },
} as const satisfies CommandSpec<Record<string, { readonly type: 'string' | 'boolean' }>>;

/** The parsed options of {@link smokeCommand}. */
export type SmokeOptions = {
  readonly [name in
    | 'api'
    | 'origin'
    | 'iam-api'
    | 'partner-api'
    | 'issuer'
    | 'client-id'
    | 'audience'
    | 'audience-parameter'
    | 'client-auth']?: string | undefined;
} & { readonly 'read-only'?: boolean | undefined };

/** The inputs, or the mistake that stops the command before it sends anything. */
export type SmokeInputsResult =
  | { readonly kind: 'inputs'; readonly inputs: SmokeInputs }
  | { readonly kind: 'mistake'; readonly message: string };

/** A base URL without its trailing slashes, or undefined when it is not an http(s) URL. */
function baseUrl(text: string): string | undefined {
  try {
    const url = new URL(text);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    if (url.search || url.hash) return undefined;
  } catch {
    return undefined;
  }
  return text.replace(/\/+$/, '');
}

function oneOf<T extends string>(value: string | undefined, choices: readonly T[], fallback: T) {
  if (value === undefined) return fallback;
  return choices.find((choice) => choice === value);
}

/**
 * Reads the smoke check's inputs from its options and the environment's secrets (trimmed: a
 * token pasted with its newline still works). Every URL must be an http(s) URL; `--origin` an
 * origin (scheme, host and port, no path); the machine client's four values come together; the
 * partner API needs its key and the machine client.
 *
 * @example
 * readSmokeInputs({ api: 'https://abc.execute-api.eu-west-1.amazonaws.com/prod', origin: 'https://d1.cloudfront.net' },
 *   { SMOKE_ADMIN_TOKEN: admin, SMOKE_BUYER_TOKEN: buyer })
 * // { kind: 'inputs', inputs: { api: 'https://abc...', machine: undefined, partner: undefined, ... } }
 */
export function readSmokeInputs(
  options: SmokeOptions,
  env: Readonly<Record<string, string | undefined>>,
): SmokeInputsResult {
  const mistake = (message: string) => ({ kind: 'mistake', message }) as const;
  const secret = (name: string) => env[name]?.trim() || undefined;
  const url = (name: 'api' | 'iam-api' | 'partner-api' | 'issuer') => {
    const given = options[name];
    return given === undefined ? undefined : baseUrl(given);
  };

  for (const name of ['api', 'origin'] as const) {
    if (options[name] === undefined) return mistake(`Missing --${name}`);
  }
  for (const name of ['api', 'iam-api', 'partner-api', 'issuer'] as const) {
    if (options[name] !== undefined && url(name) === undefined) {
      return mistake(`--${name} must be an http(s) URL, not '${options[name]}'`);
    }
  }
  const originText = (options.origin ?? '').replace(/\/+$/, '');
  const origin = baseUrl(originText) === undefined ? undefined : new URL(originText).origin;
  if (origin !== originText) {
    return mistake(
      `--origin must be an origin such as https://d111111abcdef8.cloudfront.net, not '${options.origin}'`,
    );
  }

  const admin = secret(secretVariables.adminToken);
  const buyer = secret(secretVariables.buyerToken);
  if (!admin) return mistake(`${secretVariables.adminToken} is not set: an admin's access token`);
  if (!buyer) return mistake(`${secretVariables.buyerToken} is not set: a buyer's access token`);

  const machineParts = {
    '--issuer': options.issuer,
    '--client-id': options['client-id'],
    '--audience': options.audience,
    [secretVariables.clientSecret]: secret(secretVariables.clientSecret),
  };
  const given = Object.entries(machineParts).filter(([, value]) => value !== undefined);
  const missing = Object.entries(machineParts).filter(([, value]) => value === undefined);
  if (given.length > 0 && missing.length > 0) {
    return mistake(
      `The machine client needs ${missing.map(([name]) => name).join(', ')} too (with ${given.map(([name]) => name).join(', ')})`,
    );
  }
  const audienceParameter = oneOf(
    options['audience-parameter'],
    ['resource', 'audience'] as const,
    'resource',
  );
  if (audienceParameter === undefined) {
    return mistake(
      `--audience-parameter must be resource or audience, not '${options['audience-parameter']}'`,
    );
  }
  const clientAuth = oneOf(options['client-auth'], ['basic', 'post'] as const, 'basic');
  if (clientAuth === undefined) {
    return mistake(`--client-auth must be basic or post, not '${options['client-auth']}'`);
  }
  const machine =
    given.length === 0
      ? undefined
      : {
          // Exactly as given: the discovery document's issuer must equal it.
          issuer: options.issuer ?? '',
          clientId: options['client-id'] ?? '',
          clientSecret: secret(secretVariables.clientSecret) ?? '',
          audience: options.audience ?? '',
          audienceParameter,
          clientAuth,
        };

  const partnerUrl = url('partner-api');
  const apiKey = secret(secretVariables.apiKey);
  if (partnerUrl !== undefined && apiKey === undefined) {
    return mistake(`--partner-api needs ${secretVariables.apiKey}: the partner API key's value`);
  }
  if (partnerUrl !== undefined && machine === undefined) {
    return mistake(
      `--partner-api needs the machine client: --issuer, --client-id, --audience and ${secretVariables.clientSecret}`,
    );
  }

  return {
    kind: 'inputs',
    inputs: {
      api: url('api') ?? '',
      origin,
      iamApi: url('iam-api'),
      partner: partnerUrl === undefined ? undefined : { url: partnerUrl, apiKey: apiKey ?? '' },
      machine,
      tokens: { admin, buyer, otherBuyer: secret(secretVariables.otherBuyerToken) },
      readOnly: options['read-only'] === true,
    },
  };
}

/**
 * Every secret of the inputs, for the report to mask should any answer echo one.
 *
 * @example
 * secretsOf(inputs) // [adminToken, buyerToken, clientSecret, apiKey]
 */
export function secretsOf(inputs: SmokeInputs): string[] {
  return [
    inputs.tokens.admin,
    inputs.tokens.buyer,
    inputs.tokens.otherBuyer,
    inputs.machine?.clientSecret,
    inputs.partner?.apiKey,
  ].filter((value): value is string => value !== undefined && value !== '');
}
