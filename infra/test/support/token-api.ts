import { generateKeyPairSync, sign } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Gateway, startGateway } from '@petstore/gateway';
import type { AccessLogEntry } from '@petstore/gateway/logger';
import { sampleParameters, templatePath } from './template';

/** PetsApi of the template on the gateway emulator, with the real authorizer bundle. */
export interface TokenApi {
  readonly gateway: Gateway;
  readonly issuer: string;
  /** The gateway's access log so far. */
  readonly access: readonly AccessLogEntry[];
  /** An RS256 access token (`typ: at+jwt`) of this provider, `read:pets`, with these claims. */
  accessToken(claims: Record<string, unknown>): string;
  /** `METHOD path` (default GET) with this Authorization header value: the status and the authorizer cache use. */
  call(
    path: string,
    authorization: string,
    method?: string,
  ): Promise<{ status: number; authorizer: AccessLogEntry['authorizer'] | undefined }>;
  close(): Promise<void>;
}

const audience = 'https://api.petstore.example';
const kid = 'token-api';

/**
 * Starts a JWKS endpoint on 127.0.0.1 (node:crypto keys) and the gateway serving PetsApi with
 * the template's authorizer pointed at it. Needs the authorizer and API functions built.
 *
 * @example
 * const api = await startTokenApi({ clock: () => now });
 * await api.call('/me', `Bearer ${api.accessToken({ iat, exp: iat + 60 })}`) // { status: 200, authorizer: 'miss' }
 */
export async function startTokenApi(options: {
  readonly clock?: () => number;
  readonly authorizerEnvironment?: Record<string, string>;
  /** Environment every function gets on top (e.g. `DYNAMODB_ENDPOINT` of a local table). */
  readonly functionEnvironment?: Record<string, string>;
}): Promise<TokenApi> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const jwks = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ keys: [jwk] }));
  });
  jwks.listen(0, '127.0.0.1');
  await once(jwks, 'listening');
  const issuer = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}`;
  const access: AccessLogEntry[] = [];
  const stopJwks = () => {
    jwks.closeAllConnections();
    jwks.close();
  };
  let gateway: Gateway;
  try {
    gateway = await startGateway({
      templatePath,
      api: 'PetsApi',
      parameters: {
        ...sampleParameters,
        TokenIssuer: issuer,
        JwksUri: `${issuer}/jwks`,
        Audience: audience,
        RequireTokenType: 'at+jwt',
      },
      environment: {
        '*': { POWERTOOLS_LOG_LEVEL: 'SILENT', ...options.functionEnvironment },
        AuthorizerFunction: { LOG_LEVEL: 'SILENT', ...options.authorizerEnvironment },
      },
      ...(options.clock ? { clock: options.clock } : {}),
      logger: {
        access: (entry) => access.push(entry),
        info: () => undefined,
        warn: () => undefined,
      },
    });
  } catch (error) {
    stopJwks();
    throw error;
  }
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  return {
    gateway,
    issuer,
    access,
    accessToken: (claims) => {
      const input = `${encode({ alg: 'RS256', typ: 'at+jwt', kid })}.${encode({
        iss: issuer,
        aud: audience,
        sub: 'database|token-api',
        // A user's token from the SPA: the token API's authorizer accepts the SPA's client only.
        azp: sampleParameters.SpaClientId,
        permissions: ['read:pets'],
        ...claims,
      })}`;
      return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
    },
    call: async (path, authorization, method = 'GET') => {
      const response = await fetch(`${gateway.url}${path}`, {
        method,
        headers: { Authorization: authorization },
      });
      await response.arrayBuffer();
      return { status: response.status, authorizer: access.at(-1)?.authorizer };
    },
    close: async () => {
      await gateway.close();
      stopJwks();
    },
  };
}
