import { fileURLToPath } from 'node:url';
import { type CommandRun, runCommand } from '@petstore/command-line/run';
import type { StackProcess } from './stack-process';

const cli = fileURLToPath(new URL('../../src/cli/invoke.ts', import.meta.url));
const events = fileURLToPath(new URL('../../events/', import.meta.url));

/**
 * Runs `pnpm invoke <functionId> events/<event>.json ...args` against a running stack, from a
 * second terminal that only knows its DATA_DIR (the command finds its ports there).
 */
export function runInvoke(
  stack: StackProcess,
  functionId: string,
  event: string,
  args: readonly string[] = [],
): Promise<CommandRun> {
  return runCommand(cli, [functionId, `${events}${event}.json`, ...args], {
    env: stack.terminal,
    timeoutMs: 0,
  });
}
