import { fileURLToPath } from 'node:url';
import { type CommandRun, runCommand } from '@petstore/command-line/run';
import { portEnvironment, type StackProcess } from './stack-process';

const cli = fileURLToPath(new URL('../../src/cli/invoke.ts', import.meta.url));
const events = fileURLToPath(new URL('../../events/', import.meta.url));

/** Runs `pnpm invoke <functionId> events/<event>.json` against a running stack. */
export function runInvoke(
  stack: StackProcess,
  functionId: string,
  event: string,
): Promise<CommandRun> {
  const env = { ...process.env, ...portEnvironment(stack.ports) };
  return runCommand(cli, [functionId, `${events}${event}.json`], { env, timeoutMs: 0 });
}
