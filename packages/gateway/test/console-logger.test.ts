import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type AccessLogEntry, createConsoleLogger, type FunctionLogLine } from '../src/logger';

/** A stream that keeps what is written, as a terminal (`isTTY`) or a pipe. */
function sink(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    }),
    { isTTY },
  );
  return { stream, text: () => chunks.join('') };
}

const requestId = '0d6a3c1e-7b61-41e6-9a41-93e8deadbeef';
// A line of @aws-lambda-powertools/logger as apps/api writes it.
const powertools: FunctionLogLine = {
  functionId: 'ListPetsFunction',
  requestId,
  stream: 'stdout',
  text: JSON.stringify({
    level: 'INFO',
    message: 'handled',
    timestamp: '2026-12-01T17:03:30.445Z',
    service: 'petstore-api',
    cold_start: true,
    function_arn: 'arn:aws:lambda:us-east-1:123456789012:function:ListPetsFunction',
    function_memory_size: '256',
    function_name: 'ListPetsFunction',
    function_request_id: requestId,
    sampling_rate: 0,
    operationId: 'listPets',
    status: 200,
    caller: 'amazon-demo|8d0c61e7',
    note: 'two words',
  }),
};
const access: AccessLogEntry = {
  requestId: 'd99a39b9-6bb5-4d5b-86d5-15c1810b5892',
  method: 'GET',
  path: '/pets',
  status: 401,
  latencyMs: 3.25,
  authorizer: 'miss',
  error: 'UNAUTHORIZED',
};

function logged(isTTY: boolean, env: Record<string, string> = {}) {
  const out = sink(isTTY);
  const err = sink(isTTY);
  const logger = createConsoleLogger({ stdout: out.stream, stderr: err.stream, env });
  return { logger, out: out.text, err: err.text };
}

describe('the console logger on a terminal', () => {
  it('renders a Powertools JSON line as LEVEL message key=value, after the function and its request id', () => {
    const { logger, out } = logged(true, { NO_COLOR: '1' });
    logger.functionLog(powertools);
    expect(out()).toBe(
      'ListPetsFunction 0d6a3c1e INFO handled cold_start=true operationId=listPets status=200 caller=amazon-demo|8d0c61e7 note="two words"\n',
    );
  });

  it('prefixes every line of a plain message, with its console level, and escapes control characters', () => {
    const { logger, out } = logged(true, { NO_COLOR: '1' });
    logger.functionLog({
      functionId: 'Chatty',
      requestId: undefined,
      stream: 'stderr',
      level: 'ERROR',
      text: 'broken\nsecond \u001b[2Jline',
    });
    expect(out()).toBe('Chatty init ERROR broken\nChatty init ERROR second \\u001b[2Jline\n');
  });

  it('colours the status, the level and the names, unless NO_COLOR is set', () => {
    const coloured = logged(true);
    coloured.logger.access(access);
    coloured.logger.functionLog(powertools);
    expect(coloured.out()).toContain('\u001b[33m401\u001b[39m');
    expect(coloured.out()).toContain('\u001b[36mListPetsFunction\u001b[39m');
    const plain = logged(true, { NO_COLOR: '1' });
    plain.logger.access(access);
    expect(plain.out()).toBe(
      'GET /pets 401 3.3ms authorizer=miss UNAUTHORIZED d99a39b9-6bb5-4d5b-86d5-15c1810b5892\n',
    );
  });

  it('writes warnings and errors to stderr', () => {
    const { logger, out, err } = logged(true, { NO_COLOR: '1' });
    logger.warn('slow');
    logger.error('down');
    expect(out()).toBe('');
    expect(err()).toBe('warning: slow\nerror: down\n');
  });
});

describe('the console logger on a pipe', () => {
  it('writes each request and each function message as one JSON object, without colour', () => {
    const { logger, out } = logged(false);
    logger.access(access);
    logger.functionLog(powertools);
    logger.functionLog({ ...powertools, level: 'WARN', stream: 'stderr', text: 'careful\nnow' });
    const [request, structured, plain] = out()
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(request).toEqual({ type: 'access', ...access });
    expect(structured).toEqual({
      type: 'function',
      function: 'ListPetsFunction',
      requestId,
      stream: 'stdout',
      log: JSON.parse(powertools.text),
    });
    expect(plain).toMatchObject({ level: 'WARN', stream: 'stderr', log: 'careful\nnow' });
    expect(out()).not.toContain('\u001b[');
  });

  it('writes text all the same with LOG_FORMAT=text, and JSON on a terminal with LOG_FORMAT=json', () => {
    const piped = logged(false, { LOG_FORMAT: 'text' });
    piped.logger.functionLog(powertools);
    expect(piped.out()).toMatch(/^ListPetsFunction 0d6a3c1e INFO handled /);
    const terminal = logged(true, { LOG_FORMAT: 'json' });
    terminal.logger.access(access);
    expect(JSON.parse(terminal.out())).toMatchObject({ type: 'access', status: 401 });
  });
});
