import { type LocalConfig, LocalConfigError, readLocalConfig } from '../config/local-config';
import {
  findRunningStack,
  type RunningStack,
  RunningStackError,
} from '../stack/find-running-stack';

/**
 * The running stack a command of another terminal talks to (`findRunningStack` in `DATA_DIR`),
 * or this process's end: no stack (or several, and the variables do not say which) prints what
 * to do and exits 1; an invalid variable prints it and exits 2.
 *
 * @example
 * const { stack } = runningStackOrExit('pnpm access-token');
 * configuredEndpoints(stack.ports).issuer // 'http://127.0.0.1:9000'
 */
export function runningStackOrExit(command: string): {
  readonly stack: RunningStack;
  readonly config: LocalConfig;
} {
  try {
    const config = readLocalConfig(process.env);
    return { stack: findRunningStack(process.env, config.recordsDir), config };
  } catch (error) {
    if (error instanceof LocalConfigError) {
      console.error(`${command}: ${error.message}`);
      process.exit(2);
    }
    if (error instanceof RunningStackError) {
      console.error(`${command}: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
