import { createRemoteJWKSet, jwtVerify } from 'jose';
import { type DevIdp, type StartDevIdpOptions, startDevIdp } from '../../src/server/start-dev-idp';

/**
 * A dev-idp on a free port with throwaway keys and no environment influence, and a verifier for
 * its access tokens against the JWKS it serves.
 */
export async function startTestIdp(options: StartDevIdpOptions = {}) {
  const idp: DevIdp = await startDevIdp({ port: 0, memory: true, env: {}, ...options });
  const verifyAccessToken = (token: string) =>
    jwtVerify(token, createRemoteJWKSet(new URL(idp.jwksUri)), {
      issuer: idp.issuer,
      audience: idp.config.audience,
      typ: 'at+jwt',
      algorithms: ['RS256'],
    });
  return { idp, verifyAccessToken };
}

/** The decoded header of a JWT, without verifying it. */
export function headerOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8'));
}
