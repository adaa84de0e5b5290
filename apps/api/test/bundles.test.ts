import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { sessionOf, users } from './support/iam-users';
import { signIdToken } from './support/id-token-issuer';
import { lambdaContext, proxyEvent } from './support/proxy-event';
import { seedPet } from './support/seed';

const dist = new URL('../dist/', import.meta.url);
const handlers = readdirSync(new URL('../src/handlers/', import.meta.url)).map((f) =>
  f.replace(/\.ts$/, ''),
);

/** Runs a bundle in a plain Node.js process, as the Lambda runtime would (`index.handler`). */
async function runBundle(
  name: string,
  event: unknown,
): Promise<{ statusCode: number; body: string }> {
  const script = `
    const { handler } = await import(${JSON.stringify(new URL(`${name}/index.mjs`, dist).href)});
    const [event, context] = JSON.parse(process.argv[1]);
    context.getRemainingTimeInMillis = () => 10000;
    process.stdout.write(JSON.stringify(await handler(event, context)));`;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', script, JSON.stringify([event, lambdaContext()])],
    { env: { ...process.env } },
  );
  return JSON.parse(stdout);
}

describe('the Lambda bundles (run `pnpm build` first; turbo does)', () => {
  it('are one per operation handler', () => {
    expect(handlers.filter((name) => !existsSync(new URL(`${name}/index.mjs`, dist)))).toEqual([]);
  });

  it('run in plain Node.js, AWS SDK included', async () => {
    const answer = await runBundle('list-pets', proxyEvent({ method: 'GET', resource: '/pets' }));
    expect(answer.statusCode).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ items: expect.any(Array) });
  });

  it('verify an ID token in plain Node.js: purchase-pet on the IAM API, jose included', async () => {
    // Prepare
    const pet = await seedPet();
    const event = proxyEvent({
      method: 'POST',
      resource: '/pets/{petId}/purchase',
      pathParameters: { petId: pet.id },
      assumedRole: await sessionOf(users.bea),
      headers: { 'X-Id-Token': await signIdToken(inject('idTokenIssuer'), users.bea) },
    });

    // Act
    const answer = await runBundle('purchase-pet', event);

    // Assess
    expect(answer.statusCode).toBe(200);
    expect(JSON.parse(answer.body).soldTo).toEqual({ subject: users.bea.sub, name: 'Bea Buyer' });
  });

  it('keep jose out of every bundle but purchase-pet (no jose error code in them)', () => {
    const withJose = handlers.filter((name) =>
      readFileSync(new URL(`${name}/index.mjs`, dist), 'utf8').includes('ERR_JWKS_NO_MATCHING_KEY'),
    );
    expect(withJose).toEqual(['purchase-pet']);
  });
});
