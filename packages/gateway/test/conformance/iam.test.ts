import { join } from 'node:path';
import type { TemporaryCredentials } from '@petstore/sigv4/credentials';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GatewayOptionsError } from '../../src/errors';
import { startGateway } from '../../src/start-gateway';
import { localApiId } from '../../src/template/local-identity';
import type { RoleModel } from '../../src/template/model';
import { TestCredentialStore } from '../support/credential-store';
import { type SignOptions, send, signRequest, type TestResponse } from '../support/sigv4-client';
import { type FixtureGateway, fixtures, startFixture } from '../support/start-fixture';

// The IAM table of the project's federation notes: every answer is a 403 naming the exception in
// x-amzn-ErrorType, through the template's gateway responses (DEFAULT_4XX carries CORS here).
const start = Date.parse('2026-11-21T12:00:00Z');
const hour = 3_600_000;
const minute = 60_000;
const apiId = localApiId('PetsIamApi');
const methodArn = (rest: string) =>
  `arn:aws:execute-api:us-east-1:123456789012:${apiId}/test/${rest}`;
const maskedArn = (rest: string) =>
  `arn:aws:execute-api:us-east-1:********9012:${apiId}/test/${rest}`;

type Input = Parameters<typeof signRequest>[1];

describe('AWS_IAM methods', () => {
  let now = start;
  let fixture: FixtureGateway;
  let iamUrl: string;
  const store = new TestCredentialStore();
  let admin: TemporaryCredentials;
  let buyer: TemporaryCredentials;
  const role = (id: string): RoleModel => {
    const found = fixture.gateway.model.iam.roles.get(id);
    if (!found) throw new Error(`no role ${id}`);
    return found;
  };
  const sign = (
    input: Input,
    credentials: TemporaryCredentials,
    options: Partial<SignOptions> = {},
  ) => signRequest(iamUrl, input, credentials, { at: now, ...options });
  const call = async (
    input: Input,
    credentials: TemporaryCredentials,
    options: Partial<SignOptions> = {},
  ) => send(iamUrl, await sign(input, credentials, options));
  const json = (response: TestResponse) => JSON.parse(response.text) as Record<string, unknown>;
  const lastWarning = () => fixture.messages.filter((m) => m.startsWith('warning: AWS_IAM')).at(-1);

  beforeAll(async () => {
    fixture = await startFixture('iam', { clock: () => now, credentials: store });
    iamUrl = fixture.gateway.apis.find((api) => api.logicalId === 'PetsIamApi')?.url ?? '';
    admin = store.issue(
      role('AdminRole'),
      'alice',
      { PetRole: 'admin' },
      { expiresAt: start + hour },
    );
    buyer = store.issue(
      role('BuyerRole'),
      'bob',
      { PetRole: 'buyer' },
      { expiresAt: start + hour },
    );
  });
  afterAll(() => fixture.close());
  afterEach(() => {
    now = start;
  });

  function expectRefusal(response: TestResponse, errorType: string) {
    expect(response.status).toBe(403);
    expect(response.headers['x-amzn-errortype']).toBe(errorType);
    expect(response.headers['access-control-allow-origin']).toBe('https://app.example.com');
  }

  it('I7: allowed: a signed request within the role policy reaches the function', async () => {
    // Act
    const response = await call({ path: '/pets' }, admin);

    // Assess
    expect(response.status).toBe(200);
    expect(fixture.access.at(-1)).toMatchObject({ status: 200, authorizer: 'iam' });
  });

  it('I7: allowed: on the stage path, the signature covers the path as sent (/test/pets) and the query', async () => {
    // Act
    const response = await call({ path: '/test/pets', query: { type: 'dog', page: '2' } }, admin);

    // Assess
    expect(response.status).toBe(200);
    const { event } = json(response) as { event: { path: string; queryStringParameters: unknown } };
    expect(event.path).toBe('/pets');
    expect(event.queryStringParameters).toEqual({ type: 'dog', page: '2' });
  });

  it('I7: allowed: a percent-encoded path is verified as sent and authorized on the ARN of that path', async () => {
    // Act
    const response = await call({ method: 'DELETE', path: '/pets/a%20b' }, admin);

    // Assess
    expect(response.status).toBe(200);
    const { event } = json(response) as { event: { pathParameters: unknown } };
    // Path parameters stay percent-encoded, as API Gateway sends them (AWS-BEHAVIOR.md Q1).
    expect(event.pathParameters).toEqual({ petId: 'a%20b' });
  });

  it('I7: denied by policy: credentials of a role the template does not define are AccessDenied', async () => {
    // Prepare
    const stranger = store.issue(
      {
        arn: 'arn:aws:iam::123456789012:role/Elsewhere',
        name: 'Elsewhere',
        roleId: 'AROAELSEWHEREELSEWHE',
      },
      'eve',
      { PetRole: 'admin' },
      { expiresAt: now + hour },
    );

    // Act
    const response = await call({ path: '/pets' }, stranger);

    // Assess
    expectRefusal(response, 'AccessDeniedException');
    expect(lastWarning()).toContain(
      'arn:aws:iam::123456789012:role/Elsewhere is not a role of the template',
    );
  });

  it('I8: requestContext.identity is the assumed-role caller: userArn, user and caller ROLE_ID:SESSION, accountId, accessKey; cognito fields null; no authorizer', async () => {
    // Act
    const response = await call(
      { path: '/pets', headers: { 'user-agent': 'iam-test/1.0' } },
      admin,
    );

    // Assess
    const { event } = json(response) as { event: { requestContext: Record<string, unknown> } };
    const roleId = role('AdminRole').roleId;
    expect(event.requestContext.identity).toEqual({
      cognitoIdentityPoolId: null,
      accountId: '123456789012',
      cognitoIdentityId: null,
      caller: `${roleId}:alice`,
      sourceIp: '127.0.0.1',
      principalOrgId: null,
      accessKey: admin.accessKeyId,
      cognitoAuthenticationType: null,
      cognitoAuthenticationProvider: null,
      userArn: 'arn:aws:sts::123456789012:assumed-role/AdminRole/alice',
      userAgent: 'iam-test/1.0',
      user: `${roleId}:alice`,
    });
    expect(event.requestContext).not.toHaveProperty('authorizer');
    expect(event.requestContext.apiId).toBe(apiId);
  });

  it('I2: missing: an unsigned request is 403 MissingAuthenticationTokenException, with CORS headers', async () => {
    // Act
    const response = await send(iamUrl, {
      method: 'GET',
      target: '/pets',
      headers: {},
      body: undefined,
    });

    // Assess
    expectRefusal(response, 'MissingAuthenticationTokenException');
    expect(json(response)).toEqual({ message: 'Missing Authentication Token' });
  });

  it('I3: malformed: an Authorization header that is not a SigV4 one is 403 IncompleteSignatureException', async () => {
    // Act
    const response = await send(iamUrl, {
      method: 'GET',
      target: '/pets',
      headers: { authorization: 'AWS4-HMAC-SHA256 Credential=nothing-else' },
      body: undefined,
    });

    // Assess
    expectRefusal(response, 'IncompleteSignatureException');
    expect(typeof json(response).message).toBe('string');
    expect(lastWarning()).toContain('incomplete');
  });

  it('I4: wrong service: a signature scoped to another service is 403 InvalidSignatureException naming execute-api', async () => {
    // Act
    const response = await call({ path: '/pets' }, admin, { service: 'lambda' });

    // Assess
    expectRefusal(response, 'InvalidSignatureException');
    expect(json(response)).toEqual({
      message: "Credential should be scoped to correct service: 'execute-api'. ",
    });
  });

  it('I4: wrong region: a signature scoped to another region is 403 InvalidSignatureException naming it', async () => {
    // Act
    const response = await call({ path: '/pets' }, admin, { region: 'eu-west-1' });

    // Assess
    expectRefusal(response, 'InvalidSignatureException');
    expect(json(response)).toEqual({
      message: "Credential should be scoped to a valid region, not 'eu-west-1'. ",
    });
  });

  it("I4: bad signature: a request signed with another secret is 403 InvalidSignatureException with AWS's message", async () => {
    // Act
    const response = await call({ path: '/pets' }, { ...admin, secretAccessKey: 'not-the-secret' });

    // Assess
    expectRefusal(response, 'InvalidSignatureException');
    expect(String(json(response).message)).toMatch(
      /^The request signature we calculated does not match the signature you provided\. Check your AWS Secret Access Key and signing method\. Consult the service documentation for details\./,
    );
  });

  it('I4: tampered body: a body changed after signing is InvalidSignatureException', async () => {
    // Prepare
    const signed = await sign(
      {
        method: 'POST',
        path: '/pets',
        body: '{"price":10}',
        headers: { 'content-type': 'application/json' },
      },
      admin,
    );

    // Act
    const response = await send(iamUrl, { ...signed, body: '{"price":1}' });

    // Assess
    expectRefusal(response, 'InvalidSignatureException');
  });

  it('I4: tampered header: a signed header changed after signing is InvalidSignatureException', async () => {
    // Prepare
    const signed = await sign(
      { path: '/pets', headers: { 'x-id-token': 'token-of-alice' } },
      admin,
    );

    // Act
    const response = await send(iamUrl, {
      ...signed,
      headers: { ...signed.headers, 'x-id-token': 'token-of-mallory' },
    });

    // Assess
    expectRefusal(response, 'InvalidSignatureException');
  });

  it('I4: tampered query: a query changed after signing is InvalidSignatureException', async () => {
    // Prepare
    const signed = await sign({ path: '/pets', query: { type: 'dog' } }, admin);

    // Act
    const response = await send(iamUrl, { ...signed, target: '/pets?type=cat' });

    // Assess
    expectRefusal(response, 'InvalidSignatureException');
  });

  it('I5: expired signature: X-Amz-Date more than 5 minutes behind the gateway clock is InvalidSignatureException "Signature expired"', async () => {
    // Act
    const response = await call({ path: '/pets' }, admin, { at: now - 6 * minute });

    // Assess
    expectRefusal(response, 'InvalidSignatureException');
    expect(String(json(response).message)).toMatch(/^Signature expired: /);
  });

  it('I5: not yet current: X-Amz-Date more than 5 minutes ahead is InvalidSignatureException "Signature not yet current"', async () => {
    // Act
    const response = await call({ path: '/pets' }, admin, { at: now + 6 * minute });

    // Assess
    expectRefusal(response, 'InvalidSignatureException');
    expect(String(json(response).message)).toMatch(/^Signature not yet current: /);
  });

  it('I5: replay outside the window: a request accepted once is refused when sent again 6 minutes later', async () => {
    // Prepare
    const signed = await sign({ path: '/pets' }, admin);
    const first = await send(iamUrl, signed);

    // Act
    now += 6 * minute;
    const replayed = await send(iamUrl, signed);

    // Assess
    expect(first.status).toBe(200);
    expectRefusal(replayed, 'InvalidSignatureException');
    expect(String(json(replayed).message)).toMatch(/^Signature expired: /);
  });

  it('I6: unknown key: an access key id the store never issued is 403 UnrecognizedClientException', async () => {
    // Act
    const response = await call(
      { path: '/pets' },
      { ...admin, accessKeyId: 'ASIAUNKNOWNUNKNOWN12' },
    );

    // Assess
    expectRefusal(response, 'UnrecognizedClientException');
    expect(json(response)).toEqual({
      message: 'The security token included in the request is invalid.',
    });
  });

  it('I6: bad session token: a valid key with another session token is 403 UnrecognizedClientException', async () => {
    // Act
    const response = await call({ path: '/pets' }, { ...admin, sessionToken: buyer.sessionToken });

    // Assess
    expectRefusal(response, 'UnrecognizedClientException');
    expect(json(response)).toEqual({
      message: 'The security token included in the request is invalid.',
    });
  });

  it('I6: expired credentials: credentials past their expiry are 403 ExpiredTokenException', async () => {
    // Prepare
    const expired = store.issue(
      role('AdminRole'),
      'old-alice',
      { PetRole: 'admin' },
      { expiresAt: now - minute },
    );

    // Act
    const response = await call({ path: '/pets' }, expired);

    // Assess
    expectRefusal(response, 'ExpiredTokenException');
    expect(json(response)).toEqual({
      message: 'The security token included in the request is expired',
    });
  });

  it('I7: denied by policy: an explicit Deny of the role is 403 AccessDeniedException naming the assumed role and the masked resource', async () => {
    // Act
    const response = await call({ method: 'DELETE', path: '/pets/7' }, buyer);

    // Assess
    expectRefusal(response, 'AccessDeniedException');
    expect(json(response)).toEqual({
      Message: `User: arn:aws:sts::123456789012:assumed-role/local-buyer/bob is not authorized to perform: execute-api:Invoke on resource: ${maskedArn('DELETE/pets/7')}`,
    });
    expect(lastWarning()).toContain(
      `denied execute-api:Invoke on ${methodArn('DELETE/pets/7')} (an explicit Deny`,
    );
  });

  it('I7: denied by policy: a condition on aws:PrincipalTag/PetRole refuses an admin-role session without the tag', async () => {
    // Prepare
    const untagged = store.issue(role('AdminRole'), 'carol', {}, { expiresAt: now + hour });

    // Act
    const response = await call({ path: '/pets' }, untagged);

    // Assess
    expectRefusal(response, 'AccessDeniedException');
    expect(lastWarning()).toContain('(no Allow in the policies of AdminRole)');
  });

  it('I7: denied by policy: a session policy narrows the role (GET allowed, POST not)', async () => {
    // Prepare
    const narrowed = store.issue(
      role('AdminRole'),
      'dave',
      { PetRole: 'admin' },
      {
        expiresAt: now + hour,
        sessionPolicy: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: methodArn('GET/*') },
          ],
        },
      },
    );

    // Act
    const get = await call({ path: '/pets' }, narrowed);
    const post = await call({ method: 'POST', path: '/pets', body: '{}' }, narrowed);

    // Assess
    expect(get.status).toBe(200);
    expectRefusal(post, 'AccessDeniedException');
  });

  it("I7: escalation: a buyer's credentials on the admin routes (add, remove a pet) are AccessDenied", async () => {
    // Act
    const add = await call({ method: 'POST', path: '/pets', body: '{"type":"dog"}' }, buyer);
    const remove = await call({ method: 'DELETE', path: '/pets/7' }, buyer);

    // Assess
    expectRefusal(add, 'AccessDeniedException');
    expectRefusal(remove, 'AccessDeniedException');
  });

  it("I7: escalation: an admin's credentials on purchase are AccessDenied, while a buyer may purchase", async () => {
    // Act
    const byAdmin = await call({ method: 'POST', path: '/pets/7/purchase', body: '{}' }, admin);
    const byBuyer = await call({ method: 'POST', path: '/pets/7/purchase', body: '{}' }, buyer);

    // Assess
    expectRefusal(byAdmin, 'AccessDeniedException');
    expect(byBuyer.status).toBe(200);
  });

  it('I9: a route of the IAM API with Authorizer NONE is open, and the CORS preflight needs no signature', async () => {
    // Act
    const health = await send(iamUrl, {
      method: 'GET',
      target: '/health',
      headers: {},
      body: undefined,
    });
    const preflight = await send(iamUrl, {
      method: 'OPTIONS',
      target: '/pets',
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'DELETE' },
      body: undefined,
    });

    // Assess
    expect(health.status).toBe(200);
    expect(preflight.status).toBe(200);
    expect(preflight.headers['access-control-allow-headers']).toBe(
      'Authorization,Content-Type,X-Amz-Date,X-Amz-Security-Token,X-Amz-Content-Sha256,X-Id-Token',
    );
  });

  it('logs why a request was refused, never its signature, secret or session token', async () => {
    // Prepare
    const signed = await sign({ path: '/pets' }, { ...admin, secretAccessKey: 'wrong-secret' });
    const signature = /Signature=([0-9a-f]+)/.exec(signed.headers.authorization ?? '')?.[1] ?? '';

    // Act
    await send(iamUrl, signed);

    // Assess
    const logged = fixture.messages.join('\n');
    expect(lastWarning()).toMatch(/^warning: AWS_IAM GET \/pets \([-0-9a-f]+\): bad-signature: /);
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(logged).not.toContain(signature);
    expect(logged).not.toContain(admin.secretAccessKey);
    expect(logged).not.toContain(admin.sessionToken);
  });

  it('the token API of the same template still answers with its TOKEN authorizer, on its own port', async () => {
    // Act
    const response = await fixture.call('/pets', { token: 'allow-all' });
    const signedOnTokenApi = await send(
      fixture.gateway.url,
      await signRequest(fixture.gateway.url, { path: '/pets' }, admin, { at: now }),
    );

    // Assess
    expect(response.status).toBe(200);
    expect(signedOnTokenApi.status).toBe(401);
  });
});

describe('AWS_IAM configuration', () => {
  const templatePath = join(fixtures, 'iam', 'template.yaml');
  const quiet = { info: () => {}, warn: () => {}, access: () => {} };

  it('refuses to start AWS_IAM methods without a credential store, naming the option', async () => {
    // Act
    const started = startGateway({ templatePath, logger: quiet });

    // Assess
    await expect(started).rejects.toThrow(GatewayOptionsError);
    await expect(started).rejects.toThrow(
      /^AWS_IAM methods \(PetsIamApi GET \/pets, PetsIamApi POST \/pets, PetsIamApi DELETE \/pets\/\{petId\} and 1 more\) need the credentials option/,
    );
  });

  it('serves the other API without a store when only it is chosen with api', async () => {
    // Act
    const gateway = await startGateway({ templatePath, logger: quiet, api: 'PetsApi' });

    // Assess
    const served = gateway.apis.map((api) => api.logicalId);
    await gateway.close();
    expect(served).toEqual(['PetsApi']);
  });

  it('I1: InvokeRole CALLER_CREDENTIALS: the caller also needs lambda:InvokeFunction on the function, else a 500', async () => {
    // Prepare
    const store = new TestCredentialStore();
    const messages: string[] = [];
    const gateway = await startGateway({
      templatePath,
      parameters: { IamInvokeRole: 'CALLER_CREDENTIALS' },
      credentials: store,
      clock: () => start,
      logger: { ...quiet, warn: (message) => messages.push(message) },
    });
    const url = gateway.apis.find((api) => api.logicalId === 'PetsIamApi')?.url ?? '';
    const roles = gateway.model.iam.roles;
    const issue = (id: string, tag: string) => {
      const found = roles.get(id);
      if (!found) throw new Error(`no role ${id}`);
      return store.issue(found, tag, { PetRole: tag }, { expiresAt: start + hour });
    };
    const admin = issue('AdminRole', 'admin');
    const buyer = issue('BuyerRole', 'buyer');

    // Act
    const byAdmin = await send(
      url,
      await signRequest(url, { path: '/pets' }, admin, { at: start }),
    );
    const byBuyer = await send(
      url,
      await signRequest(url, { path: '/pets' }, buyer, { at: start }),
    );
    await gateway.close();

    // Assess
    expect(byAdmin.status).toBe(200);
    expect(byBuyer.status).toBe(500);
    expect(JSON.parse(byBuyer.text)).toEqual({ message: 'Internal server error' });
    expect(messages.at(-1)).toContain('Execution failed due to configuration error');
    expect(messages.at(-1)).toContain('lambda:InvokeFunction');
  });
});
