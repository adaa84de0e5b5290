import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { callSts, errorOf } from './support/sts-call';
import { fixtureTemplate } from './support/test-sts';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const children: ChildProcess[] = [];

function cli(args: readonly string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: packageDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return { child, output: () => output };
}

/** Resolves with the first match once the output has it (rejects when the CLI exits first). */
function printed(run: ReturnType<typeof cli>, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = pattern.exec(run.output());
      if (match) resolve(match);
    };
    check();
    run.child.stdout?.on('data', check);
    run.child.once('exit', (code) => reject(new Error(`exited with ${code}: ${run.output()}`)));
  });
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGTERM');
});

describe('CLI', () => {
  it('serves the template given with --template and --parameter on --port, and stops on SIGTERM', async () => {
    const run = cli([
      '--template',
      fixtureTemplate,
      '--port',
      '0',
      '--parameter',
      'TokenIssuer=http://127.0.0.1:9/',
    ]);
    const [, url = ''] = await printed(run, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
    const answer = await callSts(url, { Action: 'StealCredentials', Version: '2011-06-15' });
    expect(errorOf(answer).code).toBe('InvalidAction');
    await printed(run, /\[sts\] StealCredentials 400 InvalidAction /);
    run.child.kill('SIGTERM');
    const [code] = await once(run.child, 'exit');
    expect(code).toBe(0);
  });

  it('exits with 2 and the usage without --template, and with 2 for a parameter without "="', async () => {
    const bare = cli([]);
    expect((await once(bare.child, 'exit'))[0]).toBe(2);
    expect(bare.output()).toContain('Usage: petstore-local-sts --template');
    const bad = cli(['--template', fixtureTemplate, '--parameter', 'TokenIssuer']);
    expect((await once(bad.child, 'exit'))[0]).toBe(2);
    expect(bad.output()).toContain('--parameter must be Name=Value');
  });

  it('exits with 1 naming the missing template parameter', async () => {
    const run = cli(['--template', fixtureTemplate, '--port', '0']);
    expect((await once(run.child, 'exit'))[0]).toBe(1);
    expect(run.output()).toContain('TokenIssuer');
  });
});
