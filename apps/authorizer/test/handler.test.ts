import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { api, expectUnauthorized, tokenEvent } from './support/authorizer';
import { type JwksServer, startJwksServer } from './support/jwks-server';
import { type SigningKey, signingKey } from './support/keys';
import { accessToken, audience, buyer, issuer } from './support/tokens';

/** The handler module, loaded fresh (a cold start) with this environment. */
async function coldStart(env: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return import('../src/handler');
}

describe('handler: wired from the environment at cold start', () => {
  let key: SigningKey;
  let server: JwksServer;
  let jwksFile: string;

  beforeAll(async () => {
    key = await signingKey('handler-key');
    server = await startJwksServer([key.publicJwk]);
    jwksFile = join(mkdtempSync(join(tmpdir(), 'authorizer-handler-')), 'jwks.json');
    writeFileSync(jwksFile, JSON.stringify({ keys: [key.publicJwk] }));
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });
  afterAll(() => server.close());

  it('answers with a policy, keys from JWKS_FILE (no request), logs JSON lines without the token', async () => {
    // Prepare
    const { handler } = await coldStart({
      TOKEN_ISSUER: issuer,
      AUDIENCE: audience,
      JWKS_URI: server.jwksUri,
      JWKS_FILE: jwksFile,
      LOG_LEVEL: 'INFO',
    });
    const token = await accessToken(key, buyer);
    const written: string[] = [];
    for (const stream of [process.stdout, process.stderr]) {
      vi.spyOn(stream, 'write').mockImplementation((chunk) => {
        written.push(String(chunk));
        return true;
      });
    }
    // Act
    const result = await handler(tokenEvent(`Bearer ${token}`, 'POST', '/pets/7/purchase'));
    await expectUnauthorized(handler(tokenEvent(`bearer ${token}`)));
    // Assess
    expect(result.principalId).toBe(buyer.sub);
    expect(result.policyDocument.Statement[0]).toMatchObject({ Effect: 'Allow' });
    expect(result.context).toMatchObject({ permissions: 'read:pets purchase:pets' });
    expect(server.requests()).toBe(0);
    const lines = written
      .join('')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      expect.objectContaining({ level: 'INFO', message: 'authorized', sub: buyer.sub }),
      expect.objectContaining({ level: 'WARN', message: 'token rejected', reason: 'NOT_BEARER' }),
    ]);
    expect(written.join('')).not.toContain(token.split('.')[1]);
  });

  it('a configuration error fails the cold start, naming the variable', async () => {
    await expect(
      coldStart({ TOKEN_ISSUER: issuer, JWKS_URI: server.jwksUri, AUDIENCE: '' }),
    ).rejects.toThrow(/AUDIENCE/);
    await expect(
      coldStart({
        TOKEN_ISSUER: issuer,
        JWKS_URI: server.jwksUri,
        AUDIENCE: audience,
        JWKS_FILE: `${jwksFile}.missing`,
      }),
    ).rejects.toThrow(/JWKS_FILE/);
  });

  it('the methodArn decides only the resource prefix, never what is allowed', async () => {
    // Prepare
    const { handler } = await coldStart({
      TOKEN_ISSUER: issuer,
      AUDIENCE: audience,
      JWKS_URI: server.jwksUri,
      LOG_LEVEL: 'SILENT',
    });
    const header = `Bearer ${await accessToken(key, buyer)}`;
    // Act
    const viaList = await handler(tokenEvent(header, 'GET', '/pets'));
    const viaDelete = await handler(tokenEvent(header, 'DELETE', '/pets/1'));
    // Assess
    expect(viaDelete.policyDocument).toEqual(viaList.policyDocument);
    expect(JSON.stringify(viaList.policyDocument)).toContain(`${api}/POST/pets/*/purchase`);
  });
});
