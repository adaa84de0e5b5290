import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { invokeFunction } from '../src/invoke-function';

const templatePath = fileURLToPath(new URL('fixtures/petstore/template.yaml', import.meta.url));

describe('invokeFunction (pnpm invoke)', () => {
  it('runs one function with an event in its own environment and answers its result', async () => {
    // Act
    const outcome = await invokeFunction({
      templatePath,
      functionId: 'EchoFunction',
      event: { hello: 'world' },
      environment: { EchoFunction: { EXTRA: 'from-override' } },
    });

    // Assess
    expect(outcome.ok).toBe(true);
    const payload = outcome.ok ? JSON.parse(outcome.payload) : undefined;
    expect(payload.statusCode).toBe(200);
    const body = JSON.parse(payload.body);
    expect(body.event).toEqual({ hello: 'world' });
    expect(body.env).toMatchObject({
      AWS_LAMBDA_FUNCTION_NAME: 'EchoFunction',
      EXTRA: 'from-override',
    });
  });

  it('names the functions the template has when asked for another', async () => {
    await expect(invokeFunction({ templatePath, functionId: 'Nope', event: {} })).rejects.toThrow(
      /no function Nope; it has .*EchoFunction/,
    );
  });
});
