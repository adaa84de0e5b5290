import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureGateway, startFixture } from '../support/start-fixture';

let fixture: FixtureGateway;

beforeAll(async () => {
  process.env.GATEWAY_TEST_HOST_ONLY = 'host';
  fixture = await startFixture('petstore', {
    environment: {
      '*': { SHARED: 'everyone' },
      EchoFunction: { DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000', GREETING: 'overridden' },
    },
  });
});
afterAll(() => fixture.close());

describe('execution environments', () => {
  it("builds each function's environment from the template, Lambda's variables and the overrides, not from the host", async () => {
    // Act
    const { env } = await fixture.echo('/public');

    // Assess
    expect(env).toMatchObject({
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_LAMBDA_FUNCTION_NAME: 'EchoFunction',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x',
      _HANDLER: 'index.handler',
      TABLE_NAME: 'local-pets',
      TABLE_ARN: 'arn:aws:dynamodb:us-east-1:123456789012:table/local-pets',
      STAGE: 'test-us-east-1',
      GREETING: 'overridden',
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000',
      SHARED: 'everyone',
    });
    expect(env.GATEWAY_TEST_HOST_ONLY).toBeUndefined();
  });

  it('resolves !Join, !Select and !Split in the template environment', async () => {
    // Prepare
    const plain = await startFixture('petstore');

    // Act
    const { env } = await plain.echo('/public');
    await plain.close();

    // Assess
    expect(env.GREETING).toBe('hello world');
  });

  it('a function that changes its process.env or globals cannot affect another function', async () => {
    // Act
    const polluted = await fixture.call('/pollute', { method: 'POST' });
    const { env, polluted: flag } = await fixture.echo('/public');

    // Assess
    expect(polluted.status).toBe(204);
    expect(env.TABLE_NAME).toBe('local-pets');
    expect(env.INJECTED).toBeUndefined();
    expect(flag).toBeNull();
  });

  it('gives a Lambda context: a new awsRequestId per call, the function name and ARN, the remaining time', async () => {
    // Act
    const first = await fixture.echo('/public');
    const second = await fixture.echo('/public');

    // Assess
    expect(first.context).toMatchObject({
      functionName: 'EchoFunction',
      functionVersion: '$LATEST',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:EchoFunction',
      memoryLimitInMB: '256',
      logGroupName: '/aws/lambda/EchoFunction',
    });
    expect(first.context.remainingTimeInMillis).toBeGreaterThan(5_000);
    expect(first.context.remainingTimeInMillis).toBeLessThanOrEqual(7_000);
    expect(second.context.awsRequestId).not.toBe(first.context.awsRequestId);
  });

  it('loads a function once and reuses it: module state survives between calls (warm starts)', async () => {
    // Act
    const first = await fixture.echo('/public');
    const second = await fixture.echo('/public');

    // Assess
    expect(second.calls).toBe(first.calls + 1);
  });

  it('F8, F11: runs a CommonJS callback-style handler (index.handler resolved to index.cjs)', async () => {
    // Act
    const response = await fixture.call('/callback');

    // Assess
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('callback CallbackFunction');
  });

  it.each([
    ['crash', 'an exception thrown outside the handler'],
    ['exit', 'process.exit()'],
  ])(
    'isolates a crash (%s: %s) to its request: 502, then a fresh environment serves the next',
    async (behavior) => {
      // Act
      const crashed = await fixture.call(`/behaviors/${behavior}`);
      const next = await fixture.call('/behaviors/ok');

      // Assess
      expect(crashed.status).toBe(502);
      expect(next.status).toBe(201);
      expect(await next.text()).toBe('created');
    },
  );

  it('a timed-out function is stopped and the next call gets a new environment', async () => {
    // Act
    const timedOut = await fixture.call('/behaviors/function-timeout');
    const next = await fixture.call('/behaviors/ok');

    // Assess
    expect(timedOut.status).toBe(502);
    expect(next.status).toBe(201);
  });
});
