import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { portEnvironment, type StackProcess } from './stack-process';

const cli = fileURLToPath(new URL('../../src/cli/invoke.ts', import.meta.url));
const events = fileURLToPath(new URL('../../events/', import.meta.url));

/** Runs `pnpm invoke <functionId> events/<event>.json` against a running stack. */
export function runInvoke(
  stack: StackProcess,
  functionId: string,
  event: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, ...portEnvironment(stack.ports) };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', cli, functionId, `${events}${event}.json`],
      { env },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
