import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessLogEntry, FunctionLogLine } from '../../src/logger';
import { type Gateway, startGateway } from '../../src/start-gateway';
import { fixtures } from '../support/start-fixture';

// What a function writes reaches the gateway's logger line by line, with the function's name and
// the invocation's request id, before the request's access line. The levels are those Lambda's
// Node.js runtime gives the console methods (aws/aws-lambda-nodejs-runtime-interface-client
// src/LogPatch: console.log and console.info INFO, warn WARN, error ERROR, debug DEBUG).
type Logged = { readonly access: AccessLogEntry } | { readonly line: FunctionLogLine };

let gateway: Gateway;
const logged: Logged[] = [];

beforeAll(async () => {
  gateway = await startGateway({
    templatePath: join(fixtures, 'local-tools', 'template.yaml'),
    logger: {
      access: (access) => logged.push({ access }),
      functionLog: (line) => logged.push({ line }),
      info: () => {},
      warn: () => {},
    },
  });
});
afterAll(async () => {
  await gateway?.close();
});

/** The lines of one call, its request id, and where its access line came. */
async function callChatty() {
  const from = logged.length;
  const reply = await fetch(`${gateway.url}/chatty`);
  const { requestId } = (await reply.json()) as { requestId: string };
  const since = logged.slice(from);
  const lines = since.flatMap((entry) => ('line' in entry ? [entry.line] : []));
  const accessAt = since.findIndex((entry) => 'access' in entry);
  const lastLineAt = since.findLastIndex((entry) => 'line' in entry);
  return { requestId, lines, accessAt, lastLineAt };
}

describe('a function’s log lines', () => {
  it('come with its name and the invocation’s request id, each console call with its level, before the access line', async () => {
    const { requestId, lines, accessAt, lastLineAt } = await callChatty();
    const invocation = lines.filter((line) => line.requestId === requestId);
    expect(invocation.map(({ stream, level, text }) => [stream, level, text])).toEqual([
      ['stdout', 'INFO', 'plain text'],
      ['stdout', 'INFO', 'info'],
      ['stdout', 'DEBUG', 'debug'],
      ['stderr', 'WARN', 'careful'],
      ['stderr', 'ERROR', 'broken\nsecond line'],
      ['stdout', undefined, 'partial line'],
      ['stderr', undefined, 'raw bytes'],
      [
        'stdout',
        undefined,
        `{"level":"INFO","message":"handled","service":"chatty","function_request_id":"${requestId}","cold_start":true,"status":200}`,
      ],
      // Written last, without its line break: sent before the result all the same.
      ['stdout', undefined, 'no line break at the end'],
    ]);
    expect(invocation.every((line) => line.functionId === 'Chatty')).toBe(true);
    expect(accessAt).toBeGreaterThan(lastLineAt);
  });

  it('written while the environment started (module code) have no request id', async () => {
    await callChatty();
    expect(logged).toContainEqual({
      line: {
        functionId: 'Chatty',
        requestId: undefined,
        stream: 'stdout',
        level: 'INFO',
        text: 'module loaded',
      },
    });
  });
});
