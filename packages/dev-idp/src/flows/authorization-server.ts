import * as oauth from 'oauth4webapi';
import { TokenFlowError } from '../errors';

/** oauth4webapi request options for the dev-idp, which serves plain HTTP on loopback. */
export const insecureHttp = { [oauth.allowInsecureRequests]: true } as const;

/**
 * The issuer's metadata from its discovery document, checked against the issuer identifier.
 *
 * @throws {TokenFlowError} when nothing answers at the issuer or the metadata is wrong.
 * @example
 * const as = await discover('http://127.0.0.1:9000');
 */
export async function discover(issuer: string): Promise<oauth.AuthorizationServer> {
  const issuerUrl = new URL(issuer);
  try {
    const response = await oauth.discoveryRequest(issuerUrl, insecureHttp);
    return await oauth.processDiscoveryResponse(issuerUrl, response);
  } catch (error) {
    throw new TokenFlowError(
      `No OpenID provider answered at ${issuer} (is the dev-idp running? 'petstore-dev-idp start', or 'pnpm start' for the whole Pet Store stack)`,
      { cause: error },
    );
  }
}

/** The tokens a flow obtained. */
export interface TokenSet {
  readonly accessToken: string;
  readonly expiresIn?: number;
  readonly scope?: string;
  readonly idToken?: string;
  readonly refreshToken?: string;
}

/**
 * Maps oauth4webapi's token endpoint response to a {@link TokenSet}.
 *
 * @example
 * toTokenSet(await oauth.processClientCredentialsResponse(as, client, response))
 */
export function toTokenSet(response: oauth.TokenEndpointResponse): TokenSet {
  return {
    accessToken: response.access_token,
    ...(response.expires_in === undefined ? {} : { expiresIn: response.expires_in }),
    ...(response.scope === undefined ? {} : { scope: response.scope }),
    ...(response.id_token === undefined ? {} : { idToken: response.id_token }),
    ...(response.refresh_token === undefined ? {} : { refreshToken: response.refresh_token }),
  };
}
