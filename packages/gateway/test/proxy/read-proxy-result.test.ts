import { describe, expect, it } from 'vitest';
import type { GatewayRequest } from '../../src/http/gateway-request';
import { readProxyResult } from '../../src/proxy/read-proxy-result';
import type { ApiModel } from '../../src/template/model';

const request = (accept: string) =>
  ({ headers: [['Accept', accept]] }) as unknown as GatewayRequest;
const api = (binaryMediaTypes: string[]) => ({ binaryMediaTypes }) as unknown as ApiModel;

describe('readProxyResult (L3, L4)', () => {
  it('accepts numbers and booleans as header values', () => {
    // Act
    const result = readProxyResult(
      '{"statusCode":200,"headers":{"X-Count":3,"X-Ok":true}}',
      request('*/*'),
      api([]),
    );

    // Assess
    expect(result.ok && result.response.headers).toEqual([
      ['Content-Type', 'application/json'],
      ['X-Count', '3'],
      ['X-Ok', 'true'],
    ]);
  });

  it('decodes a base64 body only when the Accept header is a binary media type of the API', () => {
    // Prepare
    const payload = JSON.stringify({
      statusCode: 200,
      body: Buffer.from('png').toString('base64'),
      isBase64Encoded: true,
    });

    // Act
    const binary = readProxyResult(payload, request('image/png'), api(['image/*']));
    const text = readProxyResult(payload, request('application/json'), api(['image/*']));

    // Assess
    expect(binary.ok && binary.response.body.toString()).toBe('png');
    expect(text.ok && text.response.body.toString()).toBe('cG5n');
  });

  it.each([
    ['null', 'not an object'],
    // A numeric string is a status on AWS (P3); a word is not.
    ['{"statusCode":"ok"}', 'statusCode'],
    ['{"statusCode":200,"headers":{"X":{"a":1}}}', 'headers.X'],
    ['{"statusCode":200,"multiValueHeaders":{"X":"a"}}', 'multiValueHeaders.X'],
    ['{"statusCode":200,"isBase64Encoded":"yes"}', 'isBase64Encoded'],
  ])('refuses %s', (payload, problem) => {
    // Act
    const result = readProxyResult(payload, request('*/*'), api([]));

    // Assess
    expect(result.ok ? '' : result.problem).toContain(problem);
  });
});
