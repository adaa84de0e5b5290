import { fileURLToPath } from 'node:url';
import { runCommand } from '@petstore/command-line/run';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Runs the CLI with these arguments; resolves with how it ended (it never gets to serve). */
const run = (args: readonly string[]) =>
  runCommand('src/cli.ts', args, { cwd: packageDir, timeoutMs: 30_000 });

describe('CLI usage', () => {
  it.each([
    [['--templat', 'x.yaml'], "Unknown option '--templat'"],
    [['--template'], "Option '-t, --template <value>' argument missing"],
    [['--template', 'x.yaml', 'serve'], "Unexpected argument 'serve'"],
    [['--port', '9300'], 'Missing --template'],
  ])(
    'exits 2 for %j, naming the mistake, then the usage, without a stack trace',
    async (args, message) => {
      const { code, stderr } = await run(args);
      expect(code).toBe(2);
      expect(stderr.startsWith(`${message}\nUsage: petstore-local-sts --template`)).toBe(true);
      expect(stderr).not.toMatch(/\n\s+at /);
    },
  );

  it('prints the usage to stdout for --help and exits 0', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout.startsWith('Usage: petstore-local-sts --template')).toBe(true);
  });
});
