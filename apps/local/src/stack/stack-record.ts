import {
  chmodSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { type PortName, portNames } from '../config/local-ports';
import { processAlive } from './process-alive';

/**
 * What a running `pnpm start` records about itself in its data folder, for the commands of other
 * terminals (`pnpm access-token`, `pnpm invoke`, `pnpm aws-credentials`, `pnpm api-key`): where it
 * listens and what it runs.
 */
export interface StackRecord {
  readonly pid: number;
  /** ISO 8601. */
  readonly startedAt: string;
  /** Started with `--memory`: its data (and its partner API key) live in its memory only. */
  readonly memory: boolean;
  readonly ports: Readonly<Record<PortName, number>>;
  readonly urls: {
    readonly api: string;
    readonly iamApi: string;
    readonly partnerApi: string;
    readonly issuer: string;
    readonly sts: string;
    readonly web: string;
    readonly dynamodb: string;
  };
  /** The SAM template it runs (`--template`). */
  readonly template: string;
  /** Its `--parameter-overrides`, by name. */
  readonly parameterOverrides: Readonly<Record<string, string>>;
  /** Its `--env-vars` file, if any. */
  readonly envVarsFile: string | null;
  /** Where each function's debugger listens (`--inspect`), else empty. */
  readonly inspectors: readonly { readonly functionId: string; readonly port: number }[];
}

const portsSchema = z.object(
  Object.fromEntries(portNames.map((name) => [name, z.number().int()])) as Record<
    PortName,
    z.ZodNumber
  >,
);
const recordSchema = z.object({
  pid: z.number().int().positive(),
  startedAt: z.string(),
  memory: z.boolean(),
  ports: portsSchema,
  urls: z.object({
    api: z.string(),
    iamApi: z.string(),
    partnerApi: z.string(),
    issuer: z.string(),
    sts: z.string(),
    web: z.string(),
    dynamodb: z.string(),
  }),
  template: z.string(),
  parameterOverrides: z.record(z.string(), z.string()),
  envVarsFile: z.string().nullable(),
  inspectors: z.array(z.object({ functionId: z.string(), port: z.number().int() })),
});

/**
 * The folder of a data folder's stack records: one file per running stack, named by its PID.
 *
 * @example
 * stackRecordsFolder('.data') // '.data/stacks'
 */
export function stackRecordsFolder(dataDir: string): string {
  return join(dataDir, 'stacks');
}

/**
 * Records a running stack (`<DATA_DIR>/stacks/<pid>.json`, mode 0600, written atomically) and
 * gives back how to remove the record again (only ever this process's).
 *
 * @example
 * const record = writeStackRecord('.data', { pid: process.pid, ... });
 * // on a clean stop
 * record.remove();
 */
export function writeStackRecord(dataDir: string, record: StackRecord): { remove(): void } {
  const folder = stackRecordsFolder(dataDir);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const path = join(folder, `${record.pid}.json`);
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
  return { remove: () => rmSync(path, { force: true }) };
}

/**
 * The stacks recorded in a data folder whose process still runs, oldest first. A record whose
 * process is gone (a stack killed outright) is deleted; a file that is no record is skipped.
 *
 * @example
 * readStackRecords('.data') // [{ pid: 4242, ports: { api: 3000, ... }, ... }]
 */
export function readStackRecords(dataDir: string): StackRecord[] {
  const folder = stackRecordsFolder(dataDir);
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => /^\d+\.json$/.test(name));
  } catch {
    return [];
  }
  const records: StackRecord[] = [];
  for (const name of names) {
    const path = join(folder, name);
    let parsed: ReturnType<typeof recordSchema.safeParse>;
    try {
      parsed = recordSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    } catch {
      continue; // gone meanwhile, or not JSON
    }
    if (!parsed.success) continue;
    if (processAlive(parsed.data.pid)) records.push(parsed.data);
    else rmSync(path, { force: true });
  }
  return records.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}
