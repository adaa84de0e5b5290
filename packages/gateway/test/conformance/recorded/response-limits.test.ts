import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lambdaResponseBytes } from '../../../src/proxy/lambda-response-limit';
import { bearer, policyOn, type RecordedFixture, startRecorded } from './recorded-fixture';

let recorded: RecordedFixture;

beforeAll(async () => {
  recorded = await startRecorded();
});
afterAll(() => recorded.close());

describe("Lambda's 6 MB response limit and failed functions, as recorded (AWS-BEHAVIOR.md P13-P15)", () => {
  it('P15: a result of exactly 6,291,556 bytes is served', async () => {
    // Lambda's limit as its error names it: "Response payload size exceeded maximum allowed
    // payload size (6291556 bytes)." (DataBiosphere/azul issues 8192 and 8258).
    // Act
    const response = await recorded.call(
      'PlainApi',
      `/answer?ask=bytes&bytes=${lambdaResponseBytes}`,
    );

    // Assess
    expect(response.status).toBe(200);
    expect((await response.arrayBuffer()).byteLength).toBe(lambdaResponseBytes - 28);
  });

  it('P15: one byte more is a 502 INTEGRATION_FAILURE {"message": "Internal server error"}, and the log says why', async () => {
    // Recorded in API Gateway's access and execution logs (DataBiosphere/azul issues 8192, 8258:
    // status 502, error_responseType INTEGRATION_FAILURE, error_message "Internal server error",
    // integration_error "Lambda Customer Function Error:Response payload size exceeded maximum
    // allowed payload size (6291556 bytes)."); x-amzn-ErrorType InternalServerErrorException on
    // that 502 (issue 7470's curl).
    // Prepare
    const logged = recorded.fixture.nextMessage(/Response payload size exceeded/);

    // Act
    const response = await recorded.call(
      'PlainApi',
      `/answer?ask=bytes&bytes=${lambdaResponseBytes + 1}`,
    );
    const typed = await recorded.call(
      'TemplatesApi',
      `/answer?ask=bytes&bytes=${lambdaResponseBytes + 1}`,
    );

    // Assess
    expect(response.status).toBe(502);
    expect(response.headers.get('x-amzn-errortype')).toBe('InternalServerErrorException');
    expect(await response.text()).toBe('{"message": "Internal server error"}');
    expect(await logged).toContain('(6291556 bytes)');
    expect(typed.status).toBe(502);
    expect(await typed.text()).toContain('"type":"INTEGRATION_FAILURE"');
  });

  it('P13: a function that throws is a 502 of type INTEGRATION_FAILURE, not its documented 504', async () => {
    // API Gateway's access logs for a Python KeyError in the function: error_responseType
    // INTEGRATION_FAILURE, error_message "Internal server error" (DataBiosphere/azul pull request
    // 6624); the status stays 502 with a customization that sets none (LocalStack
    // test_lambda_aws_proxy_integration_non_post_method: INTEGRATION_FAILURE keeps the error's
    // own status, recorded against AWS).
    // Act
    const plain = await recorded.call('PlainApi', '/answer?ask=throw');
    const typed = await recorded.call('TemplatesApi', '/answer?ask=throw');

    // Assess
    expect(plain.status).toBe(502);
    expect(await plain.text()).toBe('{"message": "Internal server error"}');
    expect(recorded.fixture.access.at(-2)?.error).toBe('INTEGRATION_FAILURE');
    expect(typed.status).toBe(502);
    // Quoting messageString makes invalid JSON, as it did on AWS (wri/gfw-data-api pull request 350).
    expect(await typed.text()).toBe(
      '{"type":"INTEGRATION_FAILURE","message":" "Internal server error"","plain":"Internal server error"}',
    );
  });

  it("P14: no answer within the integration's timeout is a 504 whose messageString has AWS's leading space", async () => {
    // A custom INTEGRATION_TIMEOUT template `"message": "$context.error.messageString ..."` gave
    // `" "Endpoint request timed out" ..."` (wri/gfw-data-api pull request 350); the access log's
    // `"error_messageString": " "Endpoint request timed out""` (DataBiosphere/azul issue 6284).
    // Act
    const plain = await recorded.call('PlainApi', '/late?ask=late&ms=2000');
    const typed = await recorded.call('TemplatesApi', '/late?ask=late&ms=2000');

    // Assess
    expect(plain.status).toBe(504);
    expect(await plain.text()).toBe('{"message": "Endpoint request timed out"}');
    expect(await typed.text()).toBe(
      '{"type":"INTEGRATION_TIMEOUT","message":" "Endpoint request timed out"","plain":"Endpoint request timed out"}',
    );
  });

  it("P15: an authorizer's answer over the limit is a 500 AuthorizerConfigurationException (unconfirmed)", async () => {
    // Lambda refuses the authorizer's answer as any function's (above); that API Gateway then
    // answers as for a failed authorizer (A4) is our reading.
    // Prepare
    const answer = {
      principalId: 'u',
      policyDocument: policyOn('Allow'),
      padContext: lambdaResponseBytes,
    };

    // Act
    const response = await recorded.call('PlainApi', '/guarded', {
      headers: { Authorization: bearer(answer) },
    });

    // Assess
    expect(response.status).toBe(500);
    expect(response.headers.get('x-amzn-errortype')).toBe('AuthorizerConfigurationException');
    expect(recorded.fixture.messages.at(-1)).toContain('Response payload size exceeded');
  });
});
