import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type StopSignal, stopSignals } from '../src/stop-on-signals';

const fixture = fileURLToPath(new URL('./fixtures/stops-when-told.ts', import.meta.url));

/** The fixture command, running; `next(text)` resolves once its output contains `text`. */
function startCommand(args: readonly string[] = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const waiting: { text: string; resolve: () => void }[] = [];
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const waiter of waiting.filter(({ text }) => output.includes(text))) waiter.resolve();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    ended,
    output: () => output,
    next: (text: string) =>
      new Promise<void>((resolve) => {
        if (output.includes(text)) resolve();
        else waiting.push({ text, resolve });
      }),
  };
}

describe('stopOnSignals', () => {
  it.each(stopSignals)('on %s, stops once and exits 0', async (signal: StopSignal) => {
    // Prepare
    const command = startCommand();
    await command.next('ready');

    // Act
    command.child.kill(signal);
    await command.next(`stopping on ${signal}`);
    command.child.stdin.end();

    // Assess
    expect(await command.ended).toEqual({ code: 0, signal: null });
    expect(command.output()).toBe(`ready\nstopping on ${signal}\nstopped\n`);
  });

  it('ignores a second signal while it stops (Ctrl-C under pnpm comes twice)', async () => {
    // Prepare
    const command = startCommand();
    await command.next('ready');
    command.child.kill('SIGINT');
    await command.next('stopping on SIGINT');

    // Act
    command.child.kill('SIGINT');
    command.child.kill('SIGTERM');
    command.child.stdin.end();

    // Assess
    expect(await command.ended).toEqual({ code: 0, signal: null });
    expect(command.output()).toBe('ready\nstopping on SIGINT\nstopped\n');
  });

  it('exits 1 with the reason when stopping fails', async () => {
    // Prepare
    const command = startCommand(['--fail']);
    await command.next('ready');

    // Act
    command.child.kill('SIGTERM');
    await command.next('stopping on SIGTERM');
    command.child.stdin.end();

    // Assess
    expect(await command.ended).toEqual({ code: 1, signal: null });
    expect(command.output()).toContain('Could not stop cleanly: the store would not close');
  });
});
