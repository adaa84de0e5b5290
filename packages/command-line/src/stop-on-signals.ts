/** The signals a command stops on: Ctrl-C, `kill`, and the terminal closing. */
export const stopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type StopSignal = (typeof stopSignals)[number];

/**
 * Stops a long-running command cleanly on SIGINT, SIGTERM or SIGHUP: `stop` runs once, then the
 * process exits 0 (1 when `stop` fails, with its message). A signal that comes while it stops is
 * ignored, not fatal: Ctrl-C reaches a terminal's whole process group, and a runner such as pnpm
 * passes it on to its child as well, so the command gets it twice.
 *
 * @example
 * const gateway = await startGateway(options);
 * stopOnSignals(() => gateway.close());
 */
export function stopOnSignals(stop: (signal: StopSignal) => Promise<void>): void {
  let stopping = false;
  for (const signal of stopSignals) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      stop(signal).then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(
            `Could not stop cleanly: ${error instanceof Error ? error.message : error}`,
          );
          process.exit(1);
        },
      );
    });
  }
}
