import { type FixtureGateway, startFixture } from '../../support/start-fixture';

/** The APIs of `test/fixtures/recorded-responses/template.yaml`. */
export type RecordedApi = 'PlainApi' | 'TemplatesApi' | 'StatusApi';

/** The recorded-responses fixture, with ways to ask its function and its authorizer for an answer. */
export interface RecordedFixture {
  readonly fixture: FixtureGateway;
  /** `fetch` on one API of the fixture (each has its own port). */
  call(api: RecordedApi, path: string, init?: RequestInit): Promise<Response>;
  /** POSTs `result` to `/answer`: the function answers it as its proxy result, as is. */
  answer(api: RecordedApi, result: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/**
 * Starts the gateway on the recorded-responses fixture.
 *
 * @example
 * const recorded = await startRecorded();
 * const response = await recorded.answer('PlainApi', { statusCode: '201' });
 */
export async function startRecorded(): Promise<RecordedFixture> {
  const fixture = await startFixture('recorded-responses');
  const urls = new Map(fixture.gateway.apis.map((api) => [api.logicalId, api.url]));
  const call = (api: RecordedApi, path: string, init?: RequestInit) =>
    fetch(`${urls.get(api)}${path}`, init);
  return {
    fixture,
    call,
    answer: (api, result, headers = {}) =>
      call(api, '/answer', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(result),
      }),
    close: () => fixture.close(),
  };
}

/**
 * The `Authorization` value that makes the fixture's authorizer answer `answer` (`"$methodArn"`
 * in it becomes the request's method ARN).
 *
 * @example
 * bearer({ principalId: 'u', policyDocument: allowAll }) // 'Bearer eyJwcmluY2lwYWxJZCI6...'
 */
export function bearer(answer: unknown): string {
  return `Bearer ${Buffer.from(JSON.stringify(answer)).toString('base64url')}`;
}

/**
 * A policy of one statement on the request's own method ARN (the authorizer fills it in).
 *
 * @example
 * policyOn('Deny') // { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'execute-api:Invoke', Resource: '$methodArn' }] }
 */
export function policyOn(effect: string, extra: Record<string, unknown> = {}) {
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: effect, Action: 'execute-api:Invoke', Resource: '$methodArn', ...extra }],
  };
}
