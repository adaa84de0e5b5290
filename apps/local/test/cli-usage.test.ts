import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand, runProcess } from '@petstore/command-line/run';
import { describe, expect, it } from 'vitest';

/** Runs one of the commands (`src/cli/<name>.ts`) without a stack; resolves with how it ended. */
const run = (name: string, args: readonly string[]) =>
  runCommand(fileURLToPath(new URL(`../src/cli/${name}.ts`, import.meta.url)), args);

const commands = [
  { name: 'start', usage: 'Usage: pnpm start [--memory] [--no-watch]', good: ['--memory'] },
  { name: 'access-token', usage: 'Usage: pnpm access-token admin|buyer|m2m', good: ['buyer'] },
  {
    name: 'invoke',
    usage: 'Usage: pnpm invoke <FunctionLogicalId> <event.json>',
    good: ['ListPetsFunction', 'events/list-pets.json'],
  },
  { name: 'aws-credentials', usage: 'Usage: pnpm aws-credentials admin|buyer', good: ['buyer'] },
  { name: 'api-key', usage: 'Usage: pnpm api-key', good: [] },
] as const;

describe.each(commands)('pnpm $name', ({ name, usage, good }) => {
  it('prints its usage to stdout for --help and exits 0', async () => {
    const { code, stdout } = await run(name, ['--help']);
    expect(code).toBe(0);
    expect(stdout.startsWith(`${usage}\n`)).toBe(true);
  });

  it('exits 2 naming an unknown option, then its usage line, and starts nothing', async () => {
    const { code, stdout, stderr } = await run(name, [...good, '--bogus']);
    expect(code).toBe(2);
    expect(stderr).toContain(`Unknown option '--bogus'\n${usage}\n`);
    expect(stdout).toBe('');
  });
});

describe('pnpm start', () => {
  it('lists every port variable with its default in --help', async () => {
    const { stdout } = await run('start', ['--help']);
    expect(stdout).toMatch(/^ {2}IAM_API_PORT +3001 /m);
    expect(stdout).toMatch(/^ {2}DYNAMODB_PORT +8000 /m);
    expect(stdout).toMatch(/^ {2}PARTNER_API_PORT +3002 /m);
  });
});

describe('pnpm api-key', () => {
  it('says the stack never started with a data folder that has no key, and exits 1', async () => {
    // Prepare
    const dataDir = mkdtempSync(join(tmpdir(), 'petstore-no-key-'));

    // Act
    const { code, stdout, stderr } = await runCommand(
      fileURLToPath(new URL('../src/cli/api-key.ts', import.meta.url)),
      [],
      { env: { ...process.env, DATA_DIR: dataDir } },
    ).finally(() => rmSync(dataDir, { recursive: true, force: true }));

    // Assess
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      `No partner API key in ${join(dataDir, 'gateway/api-keys.json')}: the local stack has not started with this data folder (DATA_DIR) yet. Run pnpm start first`,
    );
  });

  it('takes no argument', async () => {
    const { code, stderr } = await run('api-key', ['PartnerApiApiKey']);
    expect(code).toBe(2);
    expect(stderr).toContain("Unexpected argument 'PartnerApiApiKey'\nUsage: pnpm api-key");
  });
});

describe('pnpm invoke', () => {
  it('exits 2 with the usage for a third argument, instead of ignoring it', async () => {
    const { code, stderr } = await run('invoke', ['ListPetsFunction', 'a.json', 'b.json']);
    expect(code).toBe(2);
    expect(stderr).toContain("Unexpected argument 'b.json'\nUsage: pnpm invoke");
  });
});

/** Runs `pnpm -s <script> ...args` at the repository root, as the README prints it. */
function runThroughPnpm(script: string, args: readonly string[]) {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  // Under `pnpm test` the pnpm that runs us is known; on its own, the one on the PATH.
  const pnpm = process.env.npm_execpath;
  return pnpm && /pnpm[^/]*\.c?js$/.test(pnpm)
    ? runProcess(process.execPath, [pnpm, '-s', script, ...args], { cwd: root })
    : runProcess('pnpm', ['-s', script, ...args], { cwd: root });
}

describe.each(commands)('the root script pnpm $name', ({ name, usage }) => {
  // `pnpm token` was npm's own command: `pnpm token admin` failed and never reached the stack's.
  it('is the stack command, not a pnpm or npm command of the same name', async () => {
    const { code, stdout } = await runThroughPnpm(name, ['--help']);
    expect(code).toBe(0);
    expect(stdout.startsWith(`${usage}\n`)).toBe(true);
  });
});
