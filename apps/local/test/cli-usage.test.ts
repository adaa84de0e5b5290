import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** Runs one of the commands (`src/cli/<name>.ts`) without a stack; resolves with how it ended. */
function run(name: string, args: readonly string[]) {
  const cli = fileURLToPath(new URL(`../src/cli/${name}.ts`, import.meta.url));
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', cli, ...args],
      { timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const commands = [
  { name: 'start', usage: 'Usage: pnpm start [--memory] [--no-watch]', good: ['--memory'] },
  { name: 'token', usage: 'Usage: pnpm token admin|buyer|m2m', good: ['buyer'] },
  {
    name: 'invoke',
    usage: 'Usage: pnpm invoke <FunctionLogicalId> <event.json>',
    good: ['ListPetsFunction', 'events/list-pets.json'],
  },
  { name: 'aws-credentials', usage: 'Usage: pnpm aws-credentials admin|buyer', good: ['buyer'] },
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
  });
});

describe('pnpm invoke', () => {
  it('exits 2 with the usage for a third argument, instead of ignoring it', async () => {
    const { code, stderr } = await run('invoke', ['ListPetsFunction', 'a.json', 'b.json']);
    expect(code).toBe(2);
    expect(stderr).toContain("Unexpected argument 'b.json'\nUsage: pnpm invoke");
  });
});
