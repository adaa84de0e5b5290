import { request as httpRequest } from 'node:http';
import { expect } from 'vitest';
import type { GatewayOptions } from '../../../src/start-gateway';
import { exchange, type WireRequest } from '../../support/raw-http';
import { type FixtureGateway, startFixture } from '../../support/start-fixture';

/** The `recorded-requests` fixture: its EDGE API (stage `stage`) and REGIONAL API (stage `test`). */
export interface RecordedRequests {
  readonly fixture: FixtureGateway;
  readonly edgePort: number;
  readonly regionalPort: number;
  /**
   * The event the echo function received for a request sent byte for byte (no client
   * normalises its path or headers), failing the test unless the function answered.
   */
  // biome-ignore lint/suspicious/noExplicitAny: the event is checked field by field in tests
  event(port: number, request: WireRequest): Promise<any>;
}

/**
 * Starts the `recorded-requests` fixture.
 *
 * @example
 * const recorded = await startRecordedRequests();
 * const event = await recorded.event(recorded.edgePort, { method: 'GET', target: '/stage/x' });
 */
export async function startRecordedRequests(
  options: Partial<GatewayOptions> = {},
): Promise<RecordedRequests> {
  const fixture = await startFixture('recorded-requests', options);
  const portOf = (logicalId: string) => {
    const api = fixture.gateway.apis.find((candidate) => candidate.logicalId === logicalId);
    if (!api) throw new Error(`${logicalId} is not served`);
    return api.port;
  };
  return {
    fixture,
    edgePort: portOf('EdgeApi'),
    regionalPort: portOf('RegionalApi'),
    event: async (port, request) => {
      const response = await exchange(port, request);
      expect(response.status, response.text).toBe(200);
      return JSON.parse(response.text).event;
    },
  };
}

/** A request as `node:http` sends it: header names in the case given, `Host` may be any. */
export interface NodeRequest {
  readonly method?: string;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Written one by one (so chunked); with `Expect: 100-continue`, after `100 Continue`. */
  readonly chunks?: readonly string[];
}

/**
 * The event the echo function received for a request sent with `node:http` (where the raw
 * client cannot: another `Host`, lower-case names, a chunked body after `100 Continue`).
 *
 * @example
 * const event = await nodeEvent(port, { path: '/test/x', headers: { host: 'api.example.com' } });
 */
// biome-ignore lint/suspicious/noExplicitAny: the event is checked field by field in tests
export function nodeEvent(port: number, sent: NodeRequest): Promise<any> {
  const { method = 'GET', path, headers = {}, chunks = [] } = sent;
  return new Promise((resolve, reject) => {
    const sending = httpRequest({ host: '127.0.0.1', port, method, path, headers });
    sending.on('error', reject);
    sending.on('response', (response) => {
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.on('end', () => {
        try {
          expect(response.statusCode).toBe(200);
          resolve(JSON.parse(Buffer.concat(parts).toString()).event);
        } catch (error) {
          reject(error);
        }
      });
    });
    const write = () => {
      for (const chunk of chunks) sending.write(chunk);
      sending.end();
    };
    if (Object.keys(headers).some((name) => name.toLowerCase() === 'expect'))
      sending.on('continue', write);
    else write();
  });
}
