import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GatewayOptionsError } from '../../src/errors';
import { invokeFunction } from '../../src/invoke-function';
import { startGateway } from '../../src/start-gateway';
import { fixtures, startFixture } from '../support/start-fixture';

// The functions' time zone (AWS-BEHAVIOR.md F1): TZ=:UTC as recorded (LocalStack
// tests/aws/services/lambda_/test_lambda_common.py::test_introspection_invoke, snapshots recorded
// against AWS), or the template's TZ, which is not reserved (Lambda guide "Defined runtime
// environment variables"). Node.js has one time zone per process: the gateway sets it on its
// process while it serves.

const template = (name: string) => join(fixtures, 'runtime', name);
let hostTimeZone: string | undefined;
const quiet = { info: () => {}, warn: () => {}, error: () => {}, access: () => {} };

beforeEach(() => {
  hostTimeZone = process.env.TZ;
  process.env.TZ = 'America/New_York';
});
afterEach(() => {
  if (hostTimeZone === undefined) delete process.env.TZ;
  else process.env.TZ = hostTimeZone;
});

interface Seen {
  readonly timeZone: string;
  readonly epochHours: number;
}

async function invoke(name: string, functionId: string): Promise<Seen> {
  const outcome = await invokeFunction({
    templatePath: template(name),
    functionId,
    event: { queryStringParameters: null },
  });
  if (!outcome.ok) throw new Error(outcome.error.errorMessage);
  return JSON.parse((JSON.parse(outcome.payload) as { body: string }).body) as Seen;
}

describe('the functions’ time zone (F1)', () => {
  it('F1: runs a function in the time zone its template sets (TZ=Asia/Tokyo)', async () => {
    // Act
    const seen = await invoke('tokyo.yaml', 'Tokyo');

    // Assess
    expect(seen.timeZone).toBe('Asia/Tokyo');
    expect(seen.epochHours).toBe(9);
  });

  it('F1: gives the host its own time zone back once the functions are stopped', async () => {
    // Act
    await invoke('tokyo.yaml', 'Tokyo');

    // Assess
    expect(process.env.TZ).toBe('America/New_York');
    expect(new Date(0).getHours()).toBe(19);
  });

  it('F1: refuses to start functions that need different time zones: one process has one', async () => {
    // Act
    const started = startGateway({ templatePath: template('time-zones.yaml'), logger: quiet });

    // Assess
    await expect(started).rejects.toThrow(GatewayOptionsError);
    await expect(started).rejects.toThrow(/Tokyo: TZ=Asia\/Tokyo; Utc: TZ=:UTC/);
    expect(process.env.TZ).toBe('America/New_York');
  });

  it('F1: refuses a second gateway whose functions need another time zone while the first serves', async () => {
    // Prepare
    const utc = await startFixture('runtime');

    // Act
    const tokyo = invoke('tokyo.yaml', 'Tokyo');

    // Assess
    await expect(tokyo).rejects.toThrow(/one time zone per process/);
    await utc.close();
  });
});
