import { createRemoteJWKSet } from 'jose';
import { loadIdTokenConfig } from './identity/id-token-config';
import { createIdTokenVerifier, type IdTokenVerifier } from './identity/verify-id-token';

/**
 * Verifies the users' ID tokens against the identity provider's JWKS (fetched on first use,
 * then cached by jose), built once per container at cold start, where a wrong environment fails
 * naming the variable. Only the purchase handler imports this module, so only its bundle
 * carries jose and needs the `ID_TOKEN_*` variables.
 */
export const verifyIdToken: IdTokenVerifier = createVerifier(process.env);

function createVerifier(env: Record<string, string | undefined>): IdTokenVerifier {
  const config = loadIdTokenConfig(env);
  const keys = createRemoteJWKSet(config.jwksUri, {
    timeoutDuration: 3000,
    cooldownDuration: 30_000,
  });
  return createIdTokenVerifier({ issuer: config.issuer, audience: config.audience, keys });
}
