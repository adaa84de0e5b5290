import { vi } from 'vitest';
import { runtime } from '../../src/runtime';

/**
 * Runs `act` with the handlers' logger at INFO and answers what it wrote (its JSON lines, as
 * written to stdout or stderr), then puts the log level back.
 */
export async function capturedLogs(act: () => Promise<unknown>): Promise<string> {
  const { logger } = runtime();
  const level = logger.getLevelName();
  const written: string[] = [];
  const keep = (chunk: unknown) => {
    written.push(String(chunk));
    return true;
  };
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(keep);
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(keep);
  logger.setLogLevel('INFO');
  try {
    await act();
  } finally {
    logger.setLogLevel(level);
    stdout.mockRestore();
    stderr.mockRestore();
  }
  return written.join('');
}
