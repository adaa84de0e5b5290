import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureGateway, fixtures, startFixture } from '../support/start-fixture';

// The Lambda runtime as a function sees it: AWS-BEHAVIOR.md F1-F7. The recorded environment is
// LocalStack tests/aws/services/lambda_/test_lambda_common.py::TestLambdaRuntimesCommon::
// test_introspection_invoke[nodejs22.x] and [nodejs24.x] (snapshots recorded against AWS on
// 2026-01-12), whose function answers with process.env and its context.

let fixture: FixtureGateway;
const codeFolder = join(fixtures, 'functions', 'introspect');

interface Introspection {
  readonly env: Record<string, string>;
  readonly context: Record<string, unknown>;
  readonly contextKeys: string[];
  readonly identityIsUndefined: boolean;
  readonly clientContextIsUndefined: boolean;
  readonly remainingTimeInMillis: number;
  readonly typeOfMemoryLimit: string;
  readonly cwd: string;
  readonly relativeRead: string;
  readonly relativeReadPromises: string;
  readonly timeZone: string;
  readonly epochHours: number;
  readonly calls: number;
  readonly threadId: number;
}

const introspect = async (runtime: '22' | '24'): Promise<Introspection> =>
  (await (await fixture.call(`/introspect/${runtime}`)).json()) as Introspection;

let hostTimeZone: string | undefined;

beforeAll(async () => {
  // A host that is not in UTC, so that F1 can be seen.
  hostTimeZone = process.env.TZ;
  process.env.TZ = 'America/New_York';
  fixture = await startFixture('runtime');
});
afterAll(async () => {
  await fixture.close();
  if (hostTimeZone === undefined) delete process.env.TZ;
  else process.env.TZ = hostTimeZone;
});

describe('the environment variables of a function (F1-F5)', () => {
  it.each([
    ['22', 'AWS_Lambda_nodejs22.x'],
    ['24', 'AWS_Lambda_nodejs24.x'],
  ] as const)(
    'F3: nodejs%s.x: Lambda sets the recorded variables, with values that describe this function',
    async (runtime, executionEnv) => {
      // Act
      const { env } = await introspect(runtime);

      // Assess: the values LocalStack's snapshot recorded for a function of MemorySize 1024 with
      // TEST_KEY=TEST_VAL, here for MemorySize 512 in the local identity's region.
      const name = `Introspect${runtime}`;
      expect(env).toMatchObject({
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_REGION: 'us-east-1',
        AWS_EXECUTION_ENV: executionEnv,
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
        AWS_LAMBDA_FUNCTION_NAME: name,
        AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
        AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
        AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${name}`,
        LANG: 'en_US.UTF-8',
        TEST_KEY: 'TEST_VAL',
        TZ: ':UTC',
        _HANDLER: 'index.handler',
      });
      // The stream of the environment: YYYY/MM/DD/[$LATEST] and 32 hex digits.
      expect(env.AWS_LAMBDA_LOG_STREAM_NAME).toMatch(
        /^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/,
      );
    },
  );

  it('F2, F3: the code folder is LAMBDA_TASK_ROOT and PWD (/var/task on AWS); the runtime folder is another (/var/runtime)', async () => {
    // Act
    const { env } = await introspect('22');

    // Assess
    expect(env.LAMBDA_TASK_ROOT).toBe(codeFolder);
    expect(env.PWD).toBe(codeFolder);
    expect(env.LAMBDA_RUNTIME_DIR).toBeDefined();
    expect(env.LAMBDA_RUNTIME_DIR).not.toBe(codeFolder);
  });

  it('F5: credentials stand in for the execution role: the three variables are set, never the host’s own', async () => {
    // Act
    const { env } = await introspect('22');

    // Assess: AWS sets AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN (snapshot);
    // locally they are placeholders that no AWS endpoint accepts.
    expect(env.AWS_ACCESS_KEY_ID).toBe('local');
    expect(env.AWS_SECRET_ACCESS_KEY).toBe('local');
    expect(env.AWS_SESSION_TOKEN).toBe('local');
  });

  it('F3: does not set NODE_OPTIONS (absent from the recorded environment)', async () => {
    // Act
    const { env } = await introspect('24');

    // Assess
    expect(env.NODE_OPTIONS).toBeUndefined();
  });
});

describe('time zone and working directory (F1, F2)', () => {
  it('F1: runs the function in UTC (TZ=:UTC) whatever the host’s time zone', async () => {
    // Act
    const seen = await introspect('22');

    // Assess
    expect(seen.timeZone).toBe('UTC');
    expect(seen.epochHours).toBe(0);
  });

  it('F2: the working directory is the code folder: process.cwd() and relative fs paths', async () => {
    // Act
    const seen = await introspect('22');

    // Assess
    expect(seen.cwd).toBe(codeFolder);
    expect(seen.relativeRead).toBe('the code folder');
    expect(seen.relativeReadPromises).toBe('the code folder');
  });
});

describe('the context object (F6, F7)', () => {
  it.each(['22', '24'] as const)(
    'F6: nodejs%s.x: names the function and the call as Lambda does; memoryLimitInMB is a string',
    async (runtime) => {
      // Act
      const first = await introspect(runtime);
      const second = await introspect(runtime);

      // Assess (Lambda guide "Using the Lambda context object to retrieve Node.js function
      // information"; the recorded ctx of the introspection snapshot)
      const name = `Introspect${runtime}`;
      expect(first.context).toMatchObject({
        functionName: name,
        functionVersion: '$LATEST',
        invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${name}`,
        memoryLimitInMB: '512',
        logGroupName: `/aws/lambda/${name}`,
        logStreamName: first.env.AWS_LAMBDA_LOG_STREAM_NAME,
      });
      expect(first.typeOfMemoryLimit).toBe('string');
      expect(first.context.awsRequestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(second.context.awsRequestId).not.toBe(first.context.awsRequestId);
      // API Gateway sends no Cognito identity nor client context: both present and undefined.
      expect(first.identityIsUndefined).toBe(true);
      expect(first.clientContextIsUndefined).toBe(true);
    },
  );

  it('F6: getRemainingTimeInMillis counts down from the function’s Timeout (7 s)', async () => {
    // Act
    const { remainingTimeInMillis } = await introspect('22');

    // Assess
    expect(remainingTimeInMillis).toBeGreaterThan(5_000);
    expect(remainingTimeInMillis).toBeLessThanOrEqual(7_000);
  });

  it('F7: up to nodejs22.x the context has callbackWaitsForEmptyEventLoop (true), done, succeed and fail', async () => {
    // Act
    const response = await fixture.call('/members/22');

    // Assess (aws-lambda-nodejs-runtime-interface-client src/Runtime/CallbackContext.ts)
    expect(await response.json()).toEqual({
      callbackWaitsForEmptyEventLoop: true,
      done: 'function',
      succeed: 'function',
      fail: 'function',
    });
  });

  it('F7: nodejs24.x drops them: no callbackWaitsForEmptyEventLoop, done, succeed or fail', async () => {
    // Act
    const response = await fixture.call('/members/24');

    // Assess (aws-lambda-nodejs-runtime-interface-client src/context/types.ts, the Node.js 24
    // runtime's InvokeContext; Lambda guide: callbacks only up to Node.js 22)
    expect(await response.json()).toEqual({
      callbackWaitsForEmptyEventLoop: null,
      done: 'undefined',
      succeed: 'undefined',
      fail: 'undefined',
    });
  });

  it('F6, F7: exposes exactly the documented members on nodejs24.x', async () => {
    // Act
    const { contextKeys } = await introspect('24');

    // Assess
    expect(contextKeys).toEqual([
      'awsRequestId',
      'clientContext',
      'functionName',
      'functionVersion',
      'getRemainingTimeInMillis',
      'identity',
      'invokedFunctionArn',
      'logGroupName',
      'logStreamName',
      'memoryLimitInMB',
    ]);
  });
});
