import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatBanner } from '../../src/cli/banner';
import type { DevIdp } from '../../src/server/start-dev-idp';
import { startTestIdp } from '../support/test-idp';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const run = (...args: string[]) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: packageDir,
    env: { PATH: process.env.PATH ?? '' },
  });

let idp: DevIdp;
let verifyAccessToken: Awaited<ReturnType<typeof startTestIdp>>['verifyAccessToken'];

beforeAll(async () => {
  ({ idp, verifyAccessToken } = await startTestIdp());
});
afterAll(() => idp.close());

describe('the CLI', () => {
  it('prints only a working access token for `token buyer --issuer`', async () => {
    // Prepare / Act
    const { stdout } = await run('token', 'buyer', '--issuer', idp.issuer);

    // Assess
    const { payload } = await verifyAccessToken(stdout.trim());
    expect(stdout.trim().split('.')).toHaveLength(3);
    expect(payload.permissions).toEqual(['read:pets', 'purchase:pets']);
  });

  it('explains how to call it when the persona is missing', async () => {
    // Prepare / Act
    const failure = await run('token', 'root', '--issuer', idp.issuer).catch((error) => error);

    // Assess
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain('token admin|buyer|m2m');
  });

  it('announces the demo users, the social demo and the machine client at start', () => {
    // Prepare / Act
    const banner = formatBanner(idp);

    // Assess
    expect(banner).toContain(idp.issuer);
    expect(banner).toMatch(/admin@petstore\.local\s+password petstore-admin-demo/);
    expect(banner).toContain('Continue with Amazon (demo)');
    expect(banner).toContain('petstore-m2m');
    expect(banner).toContain(idp.config.m2m.clientSecret);
  });
});
