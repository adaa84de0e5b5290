import * as oauth from 'oauth4webapi';
import { devIdpDefaults } from '../config/defaults';
import { discover, insecureHttp, type TokenSet, toTokenSet } from './authorization-server';

export interface ClientCredentialsOptions {
  /** Default `petstore-m2m`. */
  readonly clientId?: string;
  /** Default the local development secret (env `DEV_IDP_M2M_SECRET` when the CLI calls this). */
  readonly clientSecret?: string;
  /** The `resource` parameter, default `https://api.petstore.local`. */
  readonly audience?: string;
  /** API scopes to ask for; the token's `permissions` are the client's grant regardless. */
  readonly scope?: string;
}

/**
 * A machine token through the client credentials grant (client_secret_basic).
 *
 * @example
 * const { accessToken } = await clientCredentialsToken('http://127.0.0.1:9000');
 */
export async function clientCredentialsToken(
  issuer: string,
  options: ClientCredentialsOptions = {},
): Promise<TokenSet> {
  const as = await discover(issuer);
  const client: oauth.Client = { client_id: options.clientId ?? devIdpDefaults.m2mClientId };
  const parameters = new URLSearchParams({ resource: options.audience ?? devIdpDefaults.audience });
  if (options.scope) parameters.set('scope', options.scope);
  const auth = oauth.ClientSecretBasic(options.clientSecret ?? devIdpDefaults.m2mClientSecret);
  const response = await oauth.clientCredentialsGrantRequest(
    as,
    client,
    auth,
    parameters,
    insecureHttp,
  );
  return toTokenSet(await oauth.processClientCredentialsResponse(as, client, response));
}
