import { fileURLToPath } from 'node:url';
import { runCommand } from '@petstore/command-line/run';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatBanner } from '../../src/cli/banner';
import type { DevIdp } from '../../src/server/start-dev-idp';
import { startTestIdp } from '../support/test-idp';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const run = (...args: string[]) =>
  runCommand('src/cli.ts', args, { cwd: packageDir, env: { PATH: process.env.PATH ?? '' } });

let idp: DevIdp;
let verifyAccessToken: Awaited<ReturnType<typeof startTestIdp>>['verifyAccessToken'];

beforeAll(async () => {
  ({ idp, verifyAccessToken } = await startTestIdp());
});
afterAll(() => idp.close());

describe('the CLI', () => {
  it('prints only a working access token for `token buyer --issuer`', async () => {
    // Prepare / Act
    const { code, stdout } = await run('token', 'buyer', '--issuer', idp.issuer);
    expect(code).toBe(0);

    // Assess
    const { payload } = await verifyAccessToken(stdout.trim());
    expect(stdout.trim().split('.')).toHaveLength(3);
    expect(payload.permissions).toEqual(['read:pets', 'purchase:pets']);
  });

  it('exits 2 with the usage line when the persona is not one of them', async () => {
    // Prepare / Act
    const failure = await run('token', 'root', '--issuer', idp.issuer);

    // Assess
    expect(failure.code).toBe(2);
    expect(failure.stderr).toContain(
      "<persona> must be one of admin, buyer, m2m, not 'root'\nUsage: petstore-dev-idp token admin|buyer|m2m",
    );
  });

  it.each([
    [['constructor'], "Unknown command 'constructor'"],
    [['__proto__'], "Unknown command '__proto__'"],
    [[], 'Missing <command>'],
    [['--verbose', 'start'], "Unknown option '--verbose'"],
  ])('exits 2 with the usage for the command line %j', async (args, message) => {
    // Prepare / Act
    const failure = await run(...args);

    // Assess
    expect(failure.code).toBe(2);
    expect(failure.stderr).toBe(`${message}\nUsage: petstore-dev-idp <command>\n`);
  });

  it.each([
    [['token', 'buyer', '--isuer', 'http://127.0.0.1:9'], "Unknown option '--isuer'", 'token'],
    [
      ['start', '--memory', '--port', 'ninety'],
      "--port must be a port number, not 'ninety'",
      'start',
    ],
    [['start', '--port'], "Option '--port <value>' argument missing", 'start'],
    [['rotate-keys', 'now'], "Unexpected argument 'now'", 'rotate-keys'],
    [['hash-password', 'a', 'b'], "Unexpected argument 'b'", 'hash-password'],
  ])('exits 2 naming the mistake in %j, then the usage line', async (args, message, command) => {
    // Prepare / Act
    const failure = await run(...args);

    // Assess
    expect(failure.code).toBe(2);
    expect(failure.stderr).toContain(`${message}\nUsage: petstore-dev-idp ${command}`);
    expect(failure.stdout).toBe('');
  });

  it.each([[[]], [['start']], [['token']], [['rotate-keys']], [['hash-password']]])(
    'prints the usage to stdout and exits 0 for %j and --help',
    async (args) => {
      // Prepare / Act
      const { code, stdout } = await run(...args, '--help');
      expect(code).toBe(0);

      // Assess
      expect(stdout).toMatch(new RegExp(`^Usage: petstore-dev-idp ${args[0] ?? '<command>'}`));
    },
  );

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
