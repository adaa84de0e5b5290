import { expect } from 'vitest';
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
export async function startRecordedRequests(): Promise<RecordedRequests> {
  const fixture = await startFixture('recorded-requests');
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
