// The cold-start reference of the authorizer's benchmark: the least a TOKEN authorizer can do
// with node:crypto alone. It reads a JWKS file at import, then verifies an RS256 token's signature,
// `iss`, `aud` and `exp`, and allows the whole stage. Not for use: it skips most of the checks the
// real authorizer makes (see the authorizer's README).
import { createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';

const keys = new Map(
  JSON.parse(readFileSync(process.env.JWKS_FILE ?? '', 'utf8')).keys.map((jwk) => [
    jwk.kid,
    createPublicKey({ key: jwk, format: 'jwk' }),
  ]),
);
const json = (segment) => JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));

export const handler = async (event) => {
  const [header, payload, signature] = event.authorizationToken.slice('Bearer '.length).split('.');
  const key = keys.get(json(header).kid);
  const signed = Buffer.from(`${header}.${payload}`);
  if (!key || !verify('RSA-SHA256', signed, key, Buffer.from(signature, 'base64url')))
    throw new Error('Unauthorized');
  const claims = json(payload);
  const audiences = [claims.aud].flat();
  if (claims.iss !== process.env.TOKEN_ISSUER || !audiences.includes(process.env.AUDIENCE))
    throw new Error('Unauthorized');
  if (!(claims.exp > Date.now() / 1000)) throw new Error('Unauthorized');
  const [api, stage] = event.methodArn.split('/');
  return {
    principalId: claims.sub,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: `${api}/${stage}/*` }],
    },
  };
};
