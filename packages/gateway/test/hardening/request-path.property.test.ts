import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchange, type WireResponse } from '../support/raw-http';
import { type FixtureGateway, startFixture } from '../support/start-fixture';

// Arbitrary requests against the petstore fixture (its faulty Behaviors and Polluter functions
// left out, and the authorizer's tokens that fault on purpose): the gateway answers every one
// with a well-formed response, no 5xx, no stack trace, and the function runs only for the
// requests the gateway let through. A fixed seed in CI (reproducible), random locally.
const seed = process.env.CI ? 20_261_201 : undefined;
const runs = 120;

let fixture: FixtureGateway;
let dir: string;
let callsFile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gateway-fuzz-'));
  callsFile = join(dir, 'echo-calls.txt');
  fixture = await startFixture('petstore', {
    parameters: { WithGatewayResponses: 'yes' },
    environment: { EchoFunction: { ECHO_CALLS_FILE: callsFile } },
  });
});
afterAll(async () => {
  await fixture.close();
  await rm(dir, { recursive: true, force: true });
});

const prototypeNames = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

/** Percent-encodes what cannot be on a request line (spaces, controls, `#`); keeps the rest, unicode included. */
const onTheLine = (text: string) =>
  text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: controls are what is encoded
    /[\s\u0000-\u001f\u007f#]/gu,
    (char) => encodeURIComponent(char),
  );

const segment = fc.oneof(
  fc.constantFrom(
    'pets',
    'public',
    'files',
    'test',
    'callback',
    '',
    '*',
    '%3F',
    '?',
    '%2F',
    '%',
    '%zz',
    '%E2%82%AC',
    '..',
    '.',
    'ü',
    '🐶',
    '{petId}',
    ...prototypeNames,
  ),
  fc.string({ maxLength: 8, unit: 'grapheme' }).map(onTheLine),
);
const anyPath = fc
  .tuple(fc.array(segment, { maxLength: 5 }), fc.boolean())
  .map(([segments, double]) => `${double ? '/' : ''}/${segments.join('/')}`);
// Routes of the fixture (under the root or the stage) with arbitrary parameters, so that many
// requests get through to the authorizer and the function.
const routePath = fc
  .tuple(
    fc.constantFrom('', '/test'),
    fc.oneof(
      fc.constantFrom('/public', '/pets', '/callback'),
      segment.map((value) => `/pets/${value}`),
      fc
        .array(segment, { minLength: 1, maxLength: 3 })
        .map((values) => `/files/${values.join('/')}`),
    ),
  )
  .map(([stage, rest]) => `${stage}${rest}`);
const path = fc.oneof({ arbitrary: routePath, weight: 3 }, { arbitrary: anyPath, weight: 1 });
const queryPart = fc.oneof(
  fc.constantFrom(...prototypeNames.map((name) => `${name}=x`), '__proto__=', 'a', '=', '&&', '%'),
  fc
    .tuple(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }))
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`),
);
const query = fc
  .array(queryPart, { maxLength: 4 })
  .map((parts) => (parts.length === 0 ? '' : `?${parts.join('&')}`));
const headerName = fc.oneof(
  fc.constantFrom(
    'Authorization',
    'authorization',
    'Origin',
    'Content-Type',
    'Accept',
    ...prototypeNames,
  ),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,10}$/),
);
// Framing headers are the client's business with the socket: the test sets Content-Length.
const framing = /^(content-length|transfer-encoding|host|connection|expect|upgrade|te)$/i;
const token = fc.constantFrom(
  'allow-all',
  'deny-delete',
  'allow-list',
  'only-called',
  'unauthorized',
  'proto-context',
  'anything',
);
const headerValue = fc.oneof(
  token.map((name) => `Bearer ${name}.fuzz`),
  fc.constantFrom('application/json', 'image/png', 'https://app.example.com', '', 'Bearer'),
  fc.string({ maxLength: 16 }).map((text) => text.replace(/[^\x20-\x7e]/g, '').trim()),
);
const headers = fc
  .array(fc.tuple(headerName, headerValue), { maxLength: 5 })
  .map((pairs) => pairs.filter(([name]) => !framing.test(name)));
const body = fc.oneof(
  fc.constant(undefined),
  fc.uint8Array({ maxLength: 512 }).map((bytes) => Buffer.from(bytes)),
  fc.json({ maxDepth: 2 }).map((text) => Buffer.from(text)),
);
const method = fc.oneof(
  { arbitrary: fc.constant('GET'), weight: 3 },
  { arbitrary: fc.constantFrom('POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'), weight: 2 },
  { arbitrary: fc.stringMatching(/^[A-Z]{1,8}$/), weight: 1 },
);

const stackTrace = /\bat [^\n]*:\d+:\d+|node:internal|\.m?[jt]s:\d+/;

function checkWellFormed(sentMethod: string, response: WireResponse): void {
  expect(response.status).toBeGreaterThanOrEqual(200);
  expect(response.status).toBeLessThan(500);
  expect(response.text).not.toMatch(stackTrace);
  // The gateway's own answers are JSON; a function's body is the function's (CallbackFunction
  // answers text under API Gateway's default application/json).
  const ownAnswer = response.header('x-amzn-errortype') !== undefined;
  if (sentMethod !== 'HEAD' && ownAnswer) {
    expect(response.header('content-type')).toBe('application/json');
    expect(() => JSON.parse(response.text)).not.toThrow();
  }
}

describe('the request path under arbitrary requests (fast-check)', () => {
  it('answers every request well-formed, below 500, without a stack trace; the function runs only for requests let through', async () => {
    // Prepare
    const letThrough = new Set<string>();
    const refused = new Set<string>();

    // Act
    await fc.assert(
      fc.asyncProperty(
        method,
        path,
        query,
        headers,
        body,
        async (verb, where, search, sent, bytes) => {
          const response = await exchange(fixture.gateway.port, {
            method: verb,
            target: `${where}${search}`,
            headers: sent,
            ...(bytes ? { body: bytes } : {}),
          });

          // Assess (each request)
          checkWellFormed(verb, response);
          const requestId = response.header('x-amzn-requestid');
          if (requestId === undefined) return; // Node refused the request line itself (400)
          if (response.header('x-amzn-errortype')) refused.add(requestId);
          else letThrough.add(requestId);
        },
      ),
      { numRuns: runs, interruptAfterTimeLimit: 60_000, ...(seed === undefined ? {} : { seed }) },
    );

    // Assess (the function's own record of its calls)
    const invoked = new Set(
      (await readFile(callsFile, 'utf8').catch(() => '')).split('\n').filter(Boolean),
    );
    expect([...refused].filter((id) => invoked.has(id))).toEqual([]);
    expect(refused.size).toBeGreaterThan(0);
    expect(letThrough.size).toBeGreaterThan(0);
    // Every call the echo function saw answered a request the gateway let through (a preflight
    // or the callback function accounts for the others let through).
    expect(invoked.size).toBeGreaterThan(0);
    expect([...invoked].filter((id) => !letThrough.has(id))).toEqual([]);
  }, 90_000);
});
