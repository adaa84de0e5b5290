import { resolve } from 'node:path';

/**
 * A path given on a command line, made absolute against the folder the developer ran the
 * command in: pnpm runs the root scripts from the repository root, and says where it was run
 * in `INIT_CWD`.
 *
 * @example
 * callerPath('events/list-pets.json') // '/home/ada/petstore/apps/local/events/list-pets.json' when run in apps/local
 */
export function callerPath(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}
