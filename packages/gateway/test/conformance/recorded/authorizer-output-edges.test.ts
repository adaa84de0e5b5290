import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, policyOn, type RecordedFixture, startRecorded } from './recorded-fixture';

let recorded: RecordedFixture;

beforeAll(async () => {
  recorded = await startRecorded();
});
afterAll(() => recorded.close());

/** GET /guarded with the authorizer answering `answer`; the function echoes its event. */
const guarded = (answer: unknown) =>
  recorded.call('PlainApi', '/guarded?ask=event', { headers: { Authorization: bearer(answer) } });

const policy = (statement: Record<string, unknown>) => ({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: '$methodArn', ...statement },
  ],
});

/** A 500 AuthorizerConfigurationException {"message": null} (A4), its reason in the log. */
const expectConfigurationError = async (response: Response, logged: RegExp) => {
  expect(response.status).toBe(500);
  expect(response.headers.get('x-amzn-errortype')).toBe('AuthorizerConfigurationException');
  expect(await response.text()).toBe('{"message": null}');
  expect(recorded.fixture.messages.at(-1)).toMatch(logged);
};

describe("the TOKEN authorizer's answer at its edges (AWS-BEHAVIOR.md P21-P28)", () => {
  it.each([
    ['Action and Resource as strings', {}],
    ['Action and Resource as lists', { Action: ['execute-api:Invoke'], Resource: ['$methodArn'] }],
    ['a wildcard Action', { Action: 'execute-api:*' }],
  ])('P21: %s allow the request', async (_, statement) => {
    // Both forms are IAM's grammar and the authorizer docs' examples; users' policies with a
    // list Action and a string Resource work on AWS (aws-sam-cli issues 5072, 5083, fixed by
    // pull request 5092).
    // Act
    const response = await guarded({ principalId: 'u', policyDocument: policy(statement) });

    // Assess
    expect(response.status).toBe(200);
  });

  it('P22: lower-case version and statement keys are a 500 ("Unable to parse given policy")', async () => {
    // A Java IamPolicyResponse serialised `version` / `statement`: "Execution failed due to
    // configuration error: Unable to parse given policy" (aws/aws-lambda-java-libs issue 184).
    // Act
    const response = await guarded({
      principalId: 'u',
      policyDocument: {
        version: '2012-10-17',
        statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: '$methodArn' }],
      },
    });

    // Assess
    await expectConfigurationError(response, /policyDocument or its Version is missing/);
  });

  it.each([['allow'], ['ALLOW'], ['Permit']])(
    'P23: Effect %s is a 500 (unconfirmed: IAM itself takes only Allow and Deny)',
    async (Effect) => {
      // IAM refuses a mis-cased Effect (hashicorp/terraform pull request 10608); serverless-offline
      // takes it case-insensitively (its pull request 412). Unconfirmed for an authorizer's policy:
      // refused, the stricter reading.
      // Act
      const response = await guarded({ principalId: 'u', policyDocument: policy({ Effect }) });

      // Assess
      await expectConfigurationError(response, /Effect must be Allow or Deny/);
    },
  );

  it.each([
    ['missing', undefined],
    ['a number (unconfirmed)', 42],
  ])('P24: a principalId that is %s is a 500', async (_, principalId) => {
    // The docs make principalId a required string; a number is unconfirmed: refused.
    // Act
    const response = await guarded({ principalId, policyDocument: policyOn('Allow') });

    // Assess
    await expectConfigurationError(response, /principalId is missing or not a string/);
  });

  it('P24: an answer that is null is a 500 ("Could not parse policy")', async () => {
    // "Authorizer result body before parsing: null ... Execution failed due to configuration
    // error: Could not parse policy ... AuthorizerConfigurationException" (ExpanseLLC/
    // lambda_authorizer issue 1).
    // Act
    const response = await guarded(null);

    // Assess
    await expectConfigurationError(response, /the result is not an object/);
  });

  it.each([
    ['an object', { claims: { sub: 'x' } }, /context.claims is object/],
    ['an array', { roles: ['admin'] }, /context.roles is an array/],
    ['null (unconfirmed)', { nothing: null }, /context.nothing is null/],
  ])('P25: a context value that is %s is a 500', async (_, context, logged) => {
    // "You can't set a JSON object or array as a valid value of any key in the context map"
    // (AWS doc "Output from an API Gateway Lambda authorizer"); null is not among the string,
    // number and boolean the doc allows (unconfirmed).
    // Act
    const response = await guarded({
      principalId: 'u',
      policyDocument: policyOn('Allow'),
      context,
    });

    // Assess
    await expectConfigurationError(response, logged);
  });

  it('P25: numbers and booleans reach the function as strings, a 1 MB value whole', async () => {
    // "$context.authorizer.numKey returns the string "1" ... boolKey returns "true"" (AWS doc
    // "Variables for data transformations"). No limit on the context is documented but Lambda's
    // 6 MB answer (P15).
    // Act
    const response = await guarded({
      principalId: 'u',
      policyDocument: policyOn('Allow'),
      context: { count: 1, ratio: 0.5, admin: true, off: false },
      padContext: 1024 * 1024,
    });

    // Assess
    const event = (await response.json()) as {
      requestContext: { authorizer: Record<string, unknown> };
    };
    const { authorizer } = event.requestContext;
    expect(authorizer).toMatchObject({
      principalId: 'u',
      count: '1',
      ratio: '0.5',
      admin: 'true',
      off: 'false',
    });
    expect((authorizer.pad as string).length).toBe(1024 * 1024);
  });

  it.each([
    ['NotAction', { Action: undefined, NotAction: 's3:GetObject' }],
    ['NotResource', { Resource: undefined, NotResource: 'arn:aws:execute-api:*:*:*/*/DELETE/*' }],
    ['Condition', { Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }],
  ])(
    'P26: a statement with %s is a 500 (unconfirmed: refused, never ignored)',
    async (key, statement) => {
      // No recording shows API Gateway evaluating these in an authorizer's policy. Ignoring a
      // Condition would make a conditional Allow unconditional: refused, the stricter reading.
      // Act
      const response = await guarded({ principalId: 'u', policyDocument: policy(statement) });

      // Assess
      await expectConfigurationError(response, new RegExp(`has ${key}: not emulated`));
    },
  );

  it('P27: an empty Statement list denies (403), it is not an error', async () => {
    // No statement allows the request: A7's implicit deny (unconfirmed for an empty list).
    // Act
    const response = await guarded({
      principalId: 'u',
      policyDocument: { Version: '2012-10-17', Statement: [] },
    });

    // Assess
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      Message: 'User is not authorized to access this resource',
    });
  });

  it('P28: usageIdentifierKey is taken when a string, and is not in the event; otherwise a 500', async () => {
    // "usageIdentifierKey": the API key of a usage plan with the AUTHORIZER key source (AWS doc
    // "Output from an API Gateway Lambda authorizer"); it is not one of requestContext.authorizer's
    // keys. Not a string: unconfirmed, refused.
    // Act
    const taken = await guarded({
      principalId: 'u',
      policyDocument: policyOn('Allow'),
      usageIdentifierKey: 'key-1',
    });
    const refused = await guarded({
      principalId: 'u',
      policyDocument: policyOn('Allow'),
      usageIdentifierKey: 7,
    });

    // Assess
    const event = (await taken.json()) as {
      requestContext: { authorizer: Record<string, unknown> };
    };
    expect(event.requestContext.authorizer.usageIdentifierKey).toBeUndefined();
    await expectConfigurationError(refused, /usageIdentifierKey is not a string/);
  });
});
