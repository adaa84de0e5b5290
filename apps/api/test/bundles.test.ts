import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { lambdaContext, proxyEvent } from './support/proxy-event';

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
});
