import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenEvent } from './support/authorizer';
import { type JwksServer, startJwksServer } from './support/jwks-server';
import { type SigningKey, signingKey } from './support/keys';
import { accessToken, admin, audience, issuer } from './support/tokens';

const bundle = new URL('../dist/authorizer/index.mjs', import.meta.url).href;

/** Runs the bundle in a plain Node.js process, as the Lambda runtime would (`index.handler`). */
async function runBundle(event: unknown, env: Record<string, string>): Promise<unknown> {
  return (await runBundleLogged(event, { ...env, LOG_LEVEL: 'SILENT' })).answer;
}

/** {@link runBundle}, also returning the JSON log lines the bundle wrote. */
async function runBundleLogged(
  event: unknown,
  env: Record<string, string>,
): Promise<{ answer: unknown; logs: Record<string, unknown>[] }> {
  const script = `
    const { handler } = await import(${JSON.stringify(bundle)});
    const answer = await handler(JSON.parse(process.argv[1])).catch((error) => ({ error: error.message }));
    process.stdout.write('\\n' + JSON.stringify(answer));`;
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', script, JSON.stringify(event)],
    { env: { PATH: process.env.PATH ?? '', ...env } },
  );
  // Powertools writes info to stdout, warnings and errors to stderr.
  const lines = stdout.split('\n').filter((line) => line !== '');
  const logs = [...lines.slice(0, -1), ...stderr.split('\n').filter((line) => line !== '')];
  return {
    answer: JSON.parse(lines.at(-1) ?? 'null'),
    logs: logs.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('the Lambda bundle (run `pnpm build` first; turbo does)', () => {
  let key: SigningKey;
  let server: JwksServer;
  let env: Record<string, string>;

  beforeAll(async () => {
    key = await signingKey();
    server = await startJwksServer([key.publicJwk]);
    const jwksFile = join(mkdtempSync(join(tmpdir(), 'authorizer-bundle-')), 'jwks.json');
    writeFileSync(jwksFile, JSON.stringify({ keys: [key.publicJwk] }));
    env = {
      TOKEN_ISSUER: issuer,
      AUDIENCE: audience,
      JWKS_URI: server.jwksUri,
      JWKS_FILE: jwksFile,
    };
  });
  afterAll(() => server.close());

  it('runs in plain Node.js: a policy for a good token, Unauthorized for a bad one', async () => {
    // Prepare
    const token = await accessToken(key, admin);
    // Act
    const good = await runBundle(tokenEvent(`Bearer ${token}`), env);
    const bad = await runBundle(tokenEvent(`Bearer ${token}x`), env);
    // Assess
    expect(good).toMatchObject({ principalId: admin.sub, context: { tokenType: 'user' } });
    expect(bad).toEqual({ error: 'Unauthorized' });
    expect(server.requests()).toBe(0);
  });

  it('logs a rejection’s cause by its code, not by a class name the minifier changed', async () => {
    // Prepare
    const expired = await accessToken(key, { ...admin, iat: 1_000, exp: 2_000 });
    // Act
    const { answer, logs } = await runBundleLogged(tokenEvent(`Bearer ${expired}`), env);
    // Assess
    expect(answer).toEqual({ error: 'Unauthorized' });
    expect(logs).toEqual([
      expect.objectContaining({
        message: 'token rejected',
        reason: 'EXPIRED',
        detail: 'ERR_JWT_EXPIRED: "exp" claim timestamp check failed',
      }),
    ]);
  });
});
