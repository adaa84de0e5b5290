import type { MachineClient } from './smoke-inputs';

/** The machine client got no token; the message says where it stopped (never the secret). */
export class MachineTokenError extends Error {
  override readonly name = 'MachineTokenError';
}

/** A machine token, and the token endpoint that issued it. */
export interface MachineToken {
  readonly accessToken: string;
  readonly tokenEndpoint: string;
}

/** A value as `application/x-www-form-urlencoded` encodes it (RFC 6749 2.3.1, for Basic). */
const formEncoded = (value: string) => new URLSearchParams([['', value]]).toString().slice(1);

async function json(response: Response, what: string): Promise<Record<string, unknown>> {
  const text = await response.text();
  try {
    const body: unknown = JSON.parse(text);
    if (body !== null && typeof body === 'object') return body as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new MachineTokenError(`${what} answered ${response.status} without a JSON object`);
}

/**
 * A machine token through the client credentials grant, as a partner's service gets one: the
 * provider's discovery document (`/.well-known/openid-configuration` under the issuer, whose
 * `issuer` must be exactly the one given, as the authorizer compares `iss`), then its token
 * endpoint with the audience (`resource` or `audience`) and the client's secret (Basic or in the
 * body).
 *
 * @throws {MachineTokenError} when discovery or the token endpoint refuses, naming which.
 * @example
 * const { accessToken } = await machineToken({ issuer: 'https://tenant.eu.auth0.com/', clientId,
 *   clientSecret, audience: 'https://api.petstore.example', audienceParameter: 'audience', clientAuth: 'post' }, 10_000);
 */
export async function machineToken(
  client: MachineClient,
  timeoutMs: number,
): Promise<MachineToken> {
  const discoveryUrl = `${client.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const discovery = await fetch(discoveryUrl, { signal: AbortSignal.timeout(timeoutMs) });
  if (!discovery.ok) {
    throw new MachineTokenError(
      `the discovery document ${discoveryUrl} answered ${discovery.status}`,
    );
  }
  const metadata = await json(discovery, discoveryUrl);
  if (metadata.issuer !== client.issuer) {
    throw new MachineTokenError(
      `the provider's issuer is ${JSON.stringify(metadata.issuer)}, not ${JSON.stringify(client.issuer)} (TokenIssuer must be its exact iss)`,
    );
  }
  const tokenEndpoint = metadata.token_endpoint;
  if (typeof tokenEndpoint !== 'string') {
    throw new MachineTokenError(`the discovery document ${discoveryUrl} names no token_endpoint`);
  }
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  form.set(client.audienceParameter, client.audience);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (client.clientAuth === 'basic') {
    const pair = `${formEncoded(client.clientId)}:${formEncoded(client.clientSecret)}`;
    headers.authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
  } else {
    form.set('client_id', client.clientId);
    form.set('client_secret', client.clientSecret);
  }
  const response = await fetch(tokenEndpoint, {
    method: 'POST',
    headers,
    body: form,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = await json(response, tokenEndpoint);
  if (!response.ok || typeof body.access_token !== 'string') {
    const error = typeof body.error === 'string' ? ` ${body.error}` : '';
    const description =
      typeof body.error_description === 'string' ? `: ${body.error_description}` : '';
    throw new MachineTokenError(
      `the token endpoint ${tokenEndpoint} answered ${response.status}${error}${description}`,
    );
  }
  return { accessToken: body.access_token, tokenEndpoint };
}
