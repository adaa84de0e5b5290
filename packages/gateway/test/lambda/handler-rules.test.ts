import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureGateway, startFixture } from '../support/start-fixture';

// Handler rules per Node.js runtime: AWS-BEHAVIOR.md F8-F10, from the runtime interface client
// AWS publishes (aws/aws-lambda-nodejs-runtime-interface-client): src/Runtime/Runtime.ts and
// CallbackContext.ts (Node.js 22 and earlier), src/function/callback-deprecation.ts,
// src/context/constants.ts and src/runtime/buffered-invoke-processor.ts (Node.js 24 and later).

let fixture: FixtureGateway;

beforeAll(async () => {
  fixture = await startFixture('runtime');
});
afterAll(() => fixture.close());

describe('callback-style handlers (F8, F9)', () => {
  it.each(['16', '18', '20', '22'])(
    'F8: nodejs%s.x runs a handler that answers through its callback',
    async (runtime) => {
      // Act
      const response = await fixture.call(`/callback/${runtime}`);

      // Assess
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('callback');
    },
  );

  it('F9: nodejs24.x refuses a handler that declares a callback: the environment fails to initialise with Runtime.CallbackHandlerDeprecated, API Gateway answers 502', async () => {
    // Prepare
    const logged = fixture.nextMessage(/Callback24/);

    // Act
    const response = await fixture.call('/callback/24');

    // Assess: Lambda's message word for word (src/context/constants.ts CALLBACK_ERROR_NODEJS24_ABOVE);
    // an init error is a function error, which API Gateway answers 502 (Lambda guide "Handling
    // Lambda errors with an API Gateway API").
    expect(response.status).toBe(502);
    expect(await response.text()).toBe('{"message": "Internal server error"}');
    expect(await logged).toContain(
      'Runtime.CallbackHandlerDeprecated: ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24. You need to modify this function to use a supported handler signature to use Node.js 24 or later. For more information see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html.',
    );
  });

  it('F9: nodejs24.x refuses it on every call: each call initialises a new environment and fails again', async () => {
    // Act
    const statuses = [];
    for (let call = 0; call < 2; call += 1)
      statuses.push((await fixture.call('/callback/24')).status);

    // Assess
    expect(statuses).toEqual([502, 502]);
  });

  it('F8: up to nodejs22.x context.succeed answers', async () => {
    // Act
    const response = await fixture.call('/succeed/22');

    // Assess
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('succeed');
  });
});

describe('what a handler returns (F10)', () => {
  it('F10: up to nodejs22.x a synchronous handler’s return value is ignored: the answer is null once the event loop is empty (502 through API Gateway)', async () => {
    // Prepare
    const logged = fixture.nextMessage(/SyncReturn22/);

    // Act
    const response = await fixture.call('/sync-return/22');

    // Assess: null is not a proxy response (L3)
    expect(response.status).toBe(502);
    expect(await logged).toMatch(/malformed Lambda proxy response/);
  });

  it('F10: nodejs24.x awaits whatever the handler returns: a synchronous return value is the answer', async () => {
    // Act
    const response = await fixture.call('/sync-return/24');

    // Assess
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('sync return');
  });

  it('F10: an async handler that returns undefined answers null (502 through API Gateway)', async () => {
    // Prepare
    const logged = fixture.nextMessage(/Undefined22/);

    // Act
    const response = await fixture.call('/undefined/22');

    // Assess
    expect(response.status).toBe(502);
    expect(await logged).toMatch(/malformed Lambda proxy response/);
  });

  it('F10: up to nodejs22.x a promise that never settles, with nothing else to run, answers null at once (not a timeout)', async () => {
    // Prepare
    const logged = fixture.nextMessage(/NeverSettles22/);

    // Act
    const response = await fixture.call('/never-settles/22');

    // Assess: the runtime's beforeExit listener posts null (src/Runtime/Runtime.ts)
    expect(response.status).toBe(502);
    expect(await logged).toMatch(/malformed Lambda proxy response/);
  });

  it('F10: nodejs24.x: the same handler ends the runtime (Runtime.ExitError), and the environment is not reused', async () => {
    // Prepare
    const logged = fixture.nextMessage(/NeverSettles24/);

    // Act
    const response = await fixture.call('/never-settles/24');

    // Assess
    expect(response.status).toBe(502);
    expect(await logged).toMatch(/failed: Runtime\.ExitError/);
    expect(fixture.gateway.poolStats('NeverSettles24')).toMatchObject({ size: 0 });
  });
});
