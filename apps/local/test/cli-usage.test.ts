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
  {
    name: 'start',
    usage:
      'Usage: pnpm start [--memory] [--no-watch] [--template <file>] [--parameter-overrides <text>] [--env-vars <file>] [--inspect[=port]]',
    good: ['--memory'],
  },
  { name: 'access-token', usage: 'Usage: pnpm access-token admin|buyer|m2m', good: ['buyer'] },
  {
    name: 'invoke',
    usage: 'Usage: pnpm invoke <FunctionLogicalId> <event.json|-> [--token <token>]',
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
      `pnpm api-key: no partner API key in ${join(dataDir, 'gateway/api-keys.json')}: the local stack has not started with this data folder (DATA_DIR) yet. Run pnpm start first`,
    );
  });

  it('takes no argument', async () => {
    const { code, stderr } = await run('api-key', ['PartnerApiApiKey']);
    expect(code).toBe(2);
    expect(stderr).toContain("Unexpected argument 'PartnerApiApiKey'\nUsage: pnpm api-key");
  });
});

describe.each(['access-token', 'aws-credentials'])('pnpm %s with no stack running', (name) => {
  it('says that no stack runs and how to start one, without a stack trace: exit 1', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'petstore-no-stack-'));
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([variable]) => !/_PORT$/.test(variable)),
    );
    const { code, stdout, stderr } = await runCommand(
      fileURLToPath(new URL(`../src/cli/${name}.ts`, import.meta.url)),
      ['buyer'],
      { env: { ...env, DATA_DIR: dataDir } },
    ).finally(() => rmSync(dataDir, { recursive: true, force: true }));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `pnpm ${name}: No local stack is running: none is recorded in ${dataDir}/stacks/ (DATA_DIR). Start one with pnpm start, in another terminal; for a stack started with another DATA_DIR, set DATA_DIR to it.\n`,
    );
  });
});

describe('pnpm invoke', () => {
  it('exits 2 with the usage for a third argument, instead of ignoring it', async () => {
    const { code, stderr } = await run('invoke', ['ListPetsFunction', 'a.json', 'b.json']);
    expect(code).toBe(2);
    expect(stderr).toContain("Unexpected argument 'b.json'\nUsage: pnpm invoke");
  });
});

describe('pnpm start with an option it cannot use', () => {
  // Checked before anything starts: each a line naming the option, the usage, exit 2.
  const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
  it.each([
    [['--template', 'no-such.yaml'], '--template no-such.yaml: no such file'],
    [
      ['--parameter-overrides', 'PartnerQuotaLimit=3 Oops'],
      "--parameter-overrides takes SAM's syntax, 'Name=Value Name2=Value2' (or ParameterKey=Name,ParameterValue=Value), not 'Oops'",
    ],
    [
      ['--parameter-overrides', 'NoSuchParameter=1'],
      '--parameter-overrides: infra/template.yaml has no parameter NoSuchParameter (it has Stage, TokenIssuer,',
    ],
    [
      ['--env-vars', `${fixtures}env-vars-list.json`],
      `--env-vars ${fixtures}env-vars-list.json: "ListPetsFunction" must be an object of variables`,
    ],
    [['--env-vars', 'no-such.json'], '--env-vars no-such.json: cannot be read'],
    [
      ['--inspect=0'],
      "--inspect takes a port above 0, as --inspect=9229 (the first function's debugger; the others take the next ports), not '0'",
    ],
    [['--inspect', '9300'], "Unexpected argument '9300'"],
  ])('%j: exits 2 naming it, then the usage line', async (args, message) => {
    const { code, stdout, stderr } = await run('start', args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('\nUsage: pnpm start [--memory]');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toBe('');
  });

  it('lists the template parameters it sets itself, which --parameter-overrides replaces', async () => {
    const { stdout } = await run('start', ['--help']);
    expect(stdout).toContain('TokenIssuer, JwksUri, Audience');
    expect(stdout).toMatch(/^ {2}--inspect\[=port\] /m);
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
