import { relative } from 'node:path';
import { exportLine } from '../config/export-line';
import { localPorts, type PortName, portNames } from '../config/local-ports';
import { repoRoot } from '../config/repo-paths';
import { readStackRecords, type StackRecord, stackRecordsFolder } from './stack-record';

/** No stack runs where a command looked, or several do and the command cannot tell which. */
export class RunningStackError extends Error {
  override readonly name = 'RunningStackError';
  readonly code = 'NO_RUNNING_STACK';
}

/** The stack a command of another terminal talks to. */
export interface RunningStack {
  readonly ports: Readonly<Record<PortName, number>>;
  /** Its record; `undefined` when the ports come from the variables alone (a stack not recorded here). */
  readonly record: StackRecord | undefined;
}

/** A folder as a message shows it: from the repository root when it is inside, else as it is. */
function shown(path: string): string {
  const inside = relative(repoRoot, path);
  return `${inside.startsWith('..') ? path : inside || '.'}/`;
}

function describe(record: StackRecord, dataDir: string): string {
  const data = record.memory ? '--memory' : `data in ${shown(dataDir)}`;
  const line = exportLine(record.ports, dataDir) ?? '(the default ports)';
  return `  PID ${record.pid}, started ${record.startedAt}, API ${record.urls.api}, ${data}: ${line}`;
}

/**
 * The running stack of this data folder (`DATA_DIR`) for the commands of other terminals: the
 * one recorded there (`pnpm start` records itself in `DATA_DIR/stacks/`), on its own ports.
 * Port variables that are set win: they choose among several stacks, and point at a stack that
 * is not recorded here. Throws a {@link RunningStackError} that says what to do when no stack
 * runs, or when several do and the variables do not tell which.
 *
 * @example
 * findRunningStack(process.env, '.data').ports.idp // 9000, or the port of the running stack
 */
export function findRunningStack(
  env: Readonly<Record<string, string | undefined>>,
  dataDir: string,
): RunningStack {
  const explicit = new Map<PortName, number>();
  for (const name of portNames) {
    const text = env[localPorts[name].variable];
    if (text) explicit.set(name, Number(text));
  }
  const records = readStackRecords(dataDir);
  const agreeing = records.filter((record) =>
    [...explicit].every(([name, port]) => record.ports[name] === port),
  );
  const [only] = agreeing;
  if (only && agreeing.length === 1) return { ports: only.ports, record: only };
  if (agreeing.length > 1) {
    throw new RunningStackError(
      [
        `${agreeing.length} local stacks are running (recorded in ${shown(stackRecordsFolder(dataDir))}): say which one with its export line first.`,
        ...agreeing.map((record) => describe(record, dataDir)),
      ].join('\n'),
    );
  }
  if (explicit.size > 0) {
    const ports = Object.fromEntries(
      portNames.map((name) => [name, explicit.get(name) ?? localPorts[name].default]),
    ) as Record<PortName, number>;
    return { ports, record: undefined };
  }
  throw new RunningStackError(
    `No local stack is running: none is recorded in ${shown(stackRecordsFolder(dataDir))} (DATA_DIR). Start one with pnpm start, in another terminal; for a stack started with another DATA_DIR, set DATA_DIR to it.`,
  );
}
