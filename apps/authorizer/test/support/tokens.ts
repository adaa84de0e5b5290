import { KeyObject, sign } from 'node:crypto';
import { type JWTPayload, SignJWT } from 'jose';
import type { SigningKey } from './keys';

export const issuer = 'http://127.0.0.1:9000';
export const audience = 'https://api.petstore.local';

export const admin = {
  sub: 'database|ada',
  name: 'Ada Admin',
  email: 'ada@petstore.local',
  permissions: ['read:pets', 'create:pets', 'delete:pets'],
};
export const buyer = {
  sub: 'social|bob',
  email: 'bob@example.com',
  permissions: ['read:pets', 'purchase:pets'],
};
/** A client-credentials token as oidc-provider issues it: `sub` is the client, `scope` grants. */
export const machine = { sub: 'stock-sync', client_id: 'stock-sync', scope: 'read:pets' };

/** An access token as the identity provider issues it: RS256, `typ: at+jwt`, 5 minutes. */
export function accessToken(
  key: SigningKey,
  claims: JWTPayload = admin,
  header: Record<string, unknown> = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: issuer, aud: audience, iat: now, exp: now + 300, ...claims })
    .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: key.kid, ...header })
    .sign(key.privateKey);
}

/**
 * A compact JWS built by hand, for tokens jose refuses to sign (no `exp`, unknown `crit`,
 * segments that are not JSON): header and payload as objects or raw strings.
 */
export function handmadeToken(
  key: SigningKey,
  header: Record<string, unknown> | string,
  payload: Record<string, unknown> | string,
): string {
  const encode = (part: Record<string, unknown> | string) =>
    Buffer.from(typeof part === 'string' ? part : JSON.stringify(part)).toString('base64url');
  return signedAsSpelled(key, `${encode(header)}.${encode(payload)}`);
}

/** An RS256 signature over `header.payload` exactly as spelled, appended: a compact JWS. */
export function signedAsSpelled(key: SigningKey, input: string): string {
  const signature = sign('sha256', Buffer.from(input), KeyObject.from(key.privateKey));
  return `${input}.${signature.toString('base64url')}`;
}

/** Standard claims good for a few minutes, for hand-made tokens. */
export function liveClaims(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iss: issuer, aud: audience, iat: now, exp: now + 300, ...admin, ...extra };
}
