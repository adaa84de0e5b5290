import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportLine } from '../src/config/export-line';
import { localPorts, type PortName, portNames } from '../src/config/local-ports';
import { defaultDataDir } from '../src/config/repo-paths';
import { findRunningStack } from '../src/stack/find-running-stack';
import {
  readStackRecords,
  type StackRecord,
  stackRecordsFolder,
  writeStackRecord,
} from '../src/stack/stack-record';

const defaults = Object.fromEntries(
  portNames.map((name) => [name, localPorts[name].default]),
) as Record<PortName, number>;
/** A PID that no process has: a child's, once it has exited. */
const gonePid = spawnSync(process.execPath, ['-e', '']).pid as number;

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
function dataFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'petstore-records-'));
  folders.push(folder);
  return folder;
}

function record(pid: number, ports: Partial<Record<PortName, number>> = {}): StackRecord {
  const all = { ...defaults, ...ports };
  const url = (port: number) => `http://127.0.0.1:${port}`;
  return {
    pid,
    startedAt: new Date(Date.UTC(2026, 11, 1, 10, pid % 60)).toISOString(),
    memory: false,
    ports: all,
    urls: {
      api: url(all.api),
      iamApi: url(all.iamApi),
      partnerApi: url(all.partnerApi),
      issuer: url(all.idp),
      sts: url(all.sts),
      web: url(all.web),
      dynamodb: url(all.dynamodb),
    },
    template: 'infra/template.yaml',
    parameterOverrides: {},
    envVarsFile: null,
    inspectors: [],
  };
}

describe('the stack records of a data folder', () => {
  it('are one file per stack, named by PID, readable by their owner only, and gone once removed', () => {
    const folder = dataFolder();
    const written = writeStackRecord(folder, record(process.pid));
    const file = join(stackRecordsFolder(folder), `${process.pid}.json`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readStackRecords(folder)).toEqual([record(process.pid)]);
    written.remove();
    expect(readdirSync(stackRecordsFolder(folder))).toEqual([]);
  });

  it('leave out, and delete, the record of a process that is gone (a stack killed outright)', () => {
    const folder = dataFolder();
    writeStackRecord(folder, record(gonePid));
    expect(readStackRecords(folder)).toEqual([]);
    expect(readdirSync(stackRecordsFolder(folder))).toEqual([]);
  });

  it('skip a file that is no record', () => {
    const folder = dataFolder();
    writeStackRecord(folder, record(process.pid));
    writeFileSync(join(stackRecordsFolder(folder), '1.json'), '{"pid": 1}');
    expect(readStackRecords(folder).map((found) => found.pid)).toEqual([process.pid]);
  });
});

describe('findRunningStack (the commands of a second terminal)', () => {
  it('finds the one stack recorded in DATA_DIR, on its own ports', () => {
    const folder = dataFolder();
    writeStackRecord(folder, record(process.pid, { api: 3100, idp: 9100 }));
    const found = findRunningStack({}, folder);
    expect(found.ports).toMatchObject({ api: 3100, idp: 9100, sts: 9001 });
    expect(found.record?.pid).toBe(process.pid);
  });

  it('says that no stack runs, and how to start one, when none is recorded', () => {
    expect(() => findRunningStack({}, dataFolder())).toThrow(
      /^No local stack is running: none is recorded in .*\/stacks\/ \(DATA_DIR\)\. Start one with pnpm start, in another terminal; for a stack started with another DATA_DIR, set DATA_DIR to it\.$/,
    );
  });

  it('lets set port variables choose among several stacks, and lists them with their export lines when they do not', () => {
    const folder = dataFolder();
    // Two live processes: this one and its parent.
    writeStackRecord(folder, record(process.pid, { api: 3100 }));
    writeStackRecord(folder, record(process.ppid, { api: 3200 }));
    expect(findRunningStack({ API_PORT: '3200' }, folder).record?.pid).toBe(process.ppid);
    expect(() => findRunningStack({}, folder)).toThrow(
      /^2 local stacks are running .*: say which one with its export line first\.\n {2}PID \d+, .*: export .*API_PORT=3[12]00\n {2}PID \d+, .*API_PORT=3[12]00$/,
    );
  });

  it('takes the set port variables, over the defaults, for a stack recorded nowhere here', () => {
    const found = findRunningStack({ DEV_IDP_PORT: '9300' }, dataFolder());
    expect(found.record).toBeUndefined();
    expect(found.ports).toEqual({ ...defaults, idp: 9300 });
  });
});

describe('exportLine', () => {
  it('sets what is not the default, and nothing for a stack on the defaults', () => {
    expect(exportLine({ ...defaults, api: 3100, web: 5273 }, defaultDataDir)).toBe(
      'export API_PORT=3100 WEB_PORT=5273',
    );
    expect(exportLine(defaults, '/tmp/my data')).toBe("export DATA_DIR='/tmp/my data'");
    expect(exportLine(defaults, defaultDataDir)).toBeUndefined();
  });
});
