import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInvoke } from './support/run-invoke';
import { type StackProcess, startStackProcess } from './support/stack-process';

let stack: StackProcess;
beforeAll(async () => {
  stack = await startStackProcess();
});
afterAll(async () => {
  await stack?.stop();
});

/** The proxy result printed by `pnpm invoke`, after the function's own log lines. */
function printedResult(stdout: string) {
  return JSON.parse(stdout.slice(stdout.indexOf('{\n')));
}

describe('pnpm invoke with the sample events', () => {
  it('runs a function against the running stack’s table (list-pets.json)', async () => {
    const { code, stdout } = await runInvoke(stack, 'ListPetsFunction', 'list-pets');
    const result = printedResult(stdout);
    expect(code).toBe(0);
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body).items.map((pet: { type: string }) => pet.type)).toEqual(['dog']);
  });

  it('answers the caller from the event’s authorizer context (get-me.json)', async () => {
    const { stdout } = await runInvoke(stack, 'GetMeFunction', 'get-me');
    expect(JSON.parse(printedResult(stdout).body)).toMatchObject({ name: 'Bea Buyer' });
  });

  it('reports the authorizer refusing the placeholder token as the function error it is', async () => {
    const { code, stderr } = await runInvoke(stack, 'AuthorizerFunction', 'authorizer-token');
    expect(code).toBe(1);
    expect(stderr).toContain('Unauthorized');
  });

  it('names the template’s functions when given an unknown one', async () => {
    const { code, stderr } = await runInvoke(stack, 'NoSuchFunction', 'get-me');
    expect(code).toBe(1);
    expect(stderr).toMatch(/no function NoSuchFunction; it has .*ListPetsFunction/);
  });
});
