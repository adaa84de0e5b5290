import { fileURLToPath } from 'node:url';
import { runCommand } from '@petstore/command-line/run';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Runs the CLI with these arguments; resolves with how it ended (it never gets to serve). */
const run = (args: readonly string[]) =>
  runCommand('src/cli.ts', args, { cwd: packageDir, timeoutMs: 30_000 });

describe('the gateway command line', () => {
  it.each([
    [['--templat', 'x.yaml'], "Unknown option '--templat'"],
    [['--template'], "Option '-t, --template <value>' argument missing"],
    [['--template', 'x.yaml', 'serve'], "Unexpected argument 'serve'"],
    [['--port', '3000'], 'Missing --template'],
    [['--template', 'x.yaml', '--port', '70000'], "--port must be a port number, not '70000'"],
    [
      ['--template', 'x.yaml', '--parameter', 'Stage'],
      "--parameter must be Name=Value, not 'Stage'",
    ],
    [
      ['--template', 'x.yaml', '--api-port', 'PetsApi=x'],
      "--api-port must be a port number, not 'x'",
    ],
    [
      ['--template', 'x.yaml', '--api-keys', 'no-such-api-keys.json'],
      '--api-keys no-such-api-keys.json: the file cannot be read',
    ],
    [
      ['--template', 'x.yaml', '--api-keys', 'test/fixtures/api-keys/not-strings.json'],
      '--api-keys test/fixtures/api-keys/not-strings.json: the value of QuotaKey is not a string',
    ],
    [
      ['--template', 'x.yaml', '--env-vars', 'test/fixtures/local-tools/env-vars-nested.json'],
      'test/fixtures/local-tools/env-vars-nested.json: "ListPetsFunction"."LOG_LEVEL" must be a string, a number or a boolean',
    ],
    [
      ['--template', 'x.yaml', '--env-vars', 'test/fixtures/local-tools/env-vars-not-json.txt'],
      'test/fixtures/local-tools/env-vars-not-json.txt: is not JSON',
    ],
    [
      ['--template', 'x.yaml', '--parameter-overrides', 'Stage=dev Oops'],
      "--parameter-overrides must be Name=Value words (or ParameterKey=Name,ParameterValue=Value), not 'Oops'",
    ],
    [['--template', 'x.yaml', '--inspect=x'], "--inspect must be a port number, not 'x'"],
    [
      ['--template', 'x.yaml', '--inspect=0'],
      '--inspect needs a port above 0: each function takes the next one',
    ],
  ])(
    'exits 2 for %j, naming the mistake, then the usage, without a stack trace',
    async (args, message) => {
      const { code, stderr } = await run(args);
      expect(code).toBe(2);
      expect(stderr.startsWith(message), stderr).toBe(true);
      expect(stderr).toContain('\nUsage: petstore-gateway --template');
      expect(stderr).not.toMatch(/\n\s+at /);
    },
  );

  it('K7: exits 1 naming a usage plan key that has no Value and no local value in --api-keys', async () => {
    const { code, stderr } = await run([
      '--template',
      'test/fixtures/api-keys/template.yaml',
      '--port',
      '0',
      '--api-keys',
      'test/fixtures/api-keys/partial-keys.json',
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain('SamKeysApiApiKey: no Value in the template (AWS generates one)');
    expect(stderr).not.toContain('quota-key-local-0123456789');
  });

  it('prints the usage and the options to stdout for --help and exits 0', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout.startsWith('Usage: petstore-gateway --template')).toBe(true);
    expect(stdout).toContain('--env-vars');
  });
});
