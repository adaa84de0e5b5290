import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RecordedApi, type RecordedFixture, startRecorded } from './recorded-fixture';

// Source of every case: tests/aws/services/apigateway/test_apigateway_lambda.py::
// test_aws_proxy_binary_response (validated against AWS), which sends a base64 PNG with
// `isBase64Encoded: true` under various Accept headers and binary media types. The fixture's
// PlainApi has BinaryMediaTypes image/png, application/* and */test (as the recording's stages);
// TemplatesApi has none.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8/wIAAgkBAyMAlYwAAAAASUVORK5CYII=',
  'base64',
);
const base64 = png.toString('base64');

let recorded: RecordedFixture;

beforeAll(async () => {
  recorded = await startRecorded();
});
afterAll(() => recorded.close());

const ask = async (
  accept: string | undefined,
  result: Record<string, unknown> = {},
  api: RecordedApi = 'PlainApi',
) => {
  const headers: Record<string, string> = accept === undefined ? {} : { Accept: accept };
  const response = await recorded.answer(
    api,
    {
      statusCode: 200,
      body: base64,
      isBase64Encoded: true,
      headers: { 'Content-Type': 'image/png' },
      ...result,
    },
    headers,
  );
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
};

describe('binary responses, as recorded against AWS (AWS-BEHAVIOR.md P11, P12)', () => {
  it.each([
    ['image/png', 'the exact type'],
    ['image/png,image/*,*/*;q=0.8', 'a list whose first type matches'],
    ['application/whatever', 'a subtype of an application/* entry'],
    ['application/*', 'the entry application/* itself'],
  ])('P11: Accept %s (%s) turns the base64 body into bytes', async (accept) => {
    // Act
    const response = await ask(accept);

    // Assess
    expect(response.status).toBe(200);
    expect(response.body.equals(png)).toBe(true);
  });

  it.each([
    ['image/jpg', 'another type'],
    ['image/*', 'a wildcard in Accept'],
    ['*/*', 'any type'],
    [
      'image/webp,image/png,*/*;q=0.8',
      'a list whose first type does not match ("AWS only checks the first one")',
    ],
    ['random/test', 'a type only the left-wildcard entry */test would match'],
    ['*/test', 'the left-wildcard entry itself'],
    ['application', 'not a media type'],
    [undefined, 'no Accept'],
  ])(
    'P11: Accept %s (%s) leaves the body as its base64 text',
    async (accept: string | undefined, _why: string) => {
      // Act
      const response = await ask(accept);

      // Assess
      expect(response.status).toBe(200);
      expect(response.body.toString()).toBe(base64);
    },
  );

  it("P11: the result's Content-Type does not matter, only Accept does", async () => {
    // Act
    const binaryTypeButTextAccept = await ask('text/html', {
      headers: { 'Content-Type': 'application/test' },
    });
    const noContentType = await ask('image/png', { headers: {} });

    // Assess
    expect(binaryTypeButTextAccept.body.toString()).toBe(base64);
    expect(noContentType.body.equals(png)).toBe(true);
  });

  it('P11: without BinaryMediaTypes, or with isBase64Encoded false, the body stays text', async () => {
    // Act
    const noTypes = await ask('image/png', {}, 'TemplatesApi');
    const notEncoded = await ask('image/png', { isBase64Encoded: false });

    // Assess
    expect(noTypes.body.toString()).toBe(base64);
    expect(notEncoded.body.toString()).toBe(base64);
  });

  it('P12: a body that is not base64, to be turned into bytes, is a 500', async () => {
    // Recorded: `"body": "èé+à)("` with `Accept: image/png` is a 500; the "Gateway response
    // types" page names the type: API_CONFIGURATION_ERROR, "when base64 decoding fails on binary
    // data". The body is unconfirmed: API Gateway's internal error body is taken.
    // Act
    const response = await recorded.answer(
      'PlainApi',
      { statusCode: 200, body: 'èé+à)(', isBase64Encoded: true },
      { Accept: 'image/png' },
    );

    // Assess
    expect(response.status).toBe(500);
    expect(response.headers.get('x-amzn-errortype')).toBe('InternalServerErrorException');
    expect(await response.json()).toEqual({ message: 'Internal server error' });
    expect(recorded.fixture.access.at(-1)?.error).toBe('API_CONFIGURATION_ERROR');
  });
});
