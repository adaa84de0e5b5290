/**
 * Runs one command for the stack and makes sure it does not outlive the stack: started as
 * `node --import tsx child-guard.ts <command> [args...]` with a pipe for stdin, it runs the command
 * in its own process group and stops that whole group (the command and everything it started)
 * when the stack closes the pipe or dies (the pipe closes with it, even on SIGKILL), or when this
 * guard gets SIGINT, SIGTERM or SIGHUP. It exits with the command's exit code.
 */
import { spawn } from 'node:child_process';
import { stopSignals } from '@petstore/command-line/signals';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('child-guard: no command to run');
  process.exit(2);
}

const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], detached: true });
/** After this long, what did not stop on SIGTERM is killed. */
const killAfterMs = 5_000;

let stopping = false;
function stopGroup(): void {
  if (stopping || child.pid === undefined || child.exitCode !== null) return;
  stopping = true;
  const group = -child.pid;
  signalGroup(group, 'SIGTERM');
  setTimeout(() => signalGroup(group, 'SIGKILL'), killAfterMs).unref();
}

function signalGroup(group: number, signal: NodeJS.Signals): void {
  try {
    process.kill(group, signal);
  } catch {
    // The group is gone already.
  }
}

for (const signal of stopSignals) process.on(signal, stopGroup);
process.stdin.on('end', stopGroup);
process.stdin.on('close', stopGroup);
process.stdin.on('error', stopGroup);
process.stdin.resume();

child.once('error', (error) => {
  console.error(`child-guard: ${command} could not start: ${error.message}`);
  process.exit(127);
});
child.once('exit', (code, signal) => {
  // Whatever the command left in its group goes with it.
  if (child.pid !== undefined) signalGroup(-child.pid, 'SIGKILL');
  process.exit(code ?? (signal ? 128 : 1));
});
