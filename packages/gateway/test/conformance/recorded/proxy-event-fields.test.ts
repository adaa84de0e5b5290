import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousIdentity } from '../../support/recorded-identity';
import { nodeEvent, type RecordedRequests, startRecordedRequests } from './recorded-requests';

// Every field of the v1 event and of its requestContext, with its type (AWS-BEHAVIOR.md Q10,
// Q11), as LocalStack's tests/aws/services/apigateway/test_apigateway_lambda.py::
// test_lambda_aws_proxy_integration recorded them against AWS (a GET on `/{proxy+}` and on
// `/hardcoded`, no authorizer, no API key, no stage variables).

const now = Date.UTC(2026, 10, 21, 5, 23, 59, 123);
let recorded: RecordedRequests;

beforeAll(async () => {
  recorded = await startRecordedRequests({ clock: () => now });
});
afterAll(() => recorded.fixture.close());

const get = (target: string) =>
  recorded.event(recorded.edgePort, {
    method: 'GET',
    target,
    headers: [['User-Agent', 'python-requests/testing']],
  });

describe('Q10: the event', () => {
  it('Q10: has exactly the recorded keys; empty query, stage variables and body are null, isBase64Encoded false (recorded)', async () => {
    // Act
    const event = await get('/stage/proxy-value');

    // Assess
    expect(Object.keys(event).sort()).toEqual([
      'body',
      'headers',
      'httpMethod',
      'isBase64Encoded',
      'multiValueHeaders',
      'multiValueQueryStringParameters',
      'path',
      'pathParameters',
      'queryStringParameters',
      'requestContext',
      'resource',
      'stageVariables',
    ]);
    expect(event).toMatchObject({
      body: null,
      httpMethod: 'GET',
      isBase64Encoded: false,
      multiValueQueryStringParameters: null,
      path: '/proxy-value',
      pathParameters: { proxy: 'proxy-value' },
      queryStringParameters: null,
      resource: '/{proxy+}',
      stageVariables: null,
    });
  });

  it('Q10: a resource without path parameters has pathParameters null (recorded: invocation-hardcoded)', async () => {
    // Act
    const event = await get('/stage/hardcoded');

    // Assess
    expect(event.pathParameters).toBeNull();
    expect(event.resource).toBe('/hardcoded');
  });
});

describe('Q11: requestContext', () => {
  it('Q11: has exactly the recorded keys (deploymentId included, no authorizer without one) and identity its twelve, null but sourceIp and userAgent (recorded)', async () => {
    // Act
    const { requestContext } = await get('/stage/proxy-value');

    // Assess
    expect(Object.keys(requestContext).sort()).toEqual([
      'accountId',
      'apiId',
      'deploymentId',
      'domainName',
      'domainPrefix',
      'extendedRequestId',
      'httpMethod',
      'identity',
      'path',
      'protocol',
      'requestId',
      'requestTime',
      'requestTimeEpoch',
      'resourceId',
      'resourcePath',
      'stage',
    ]);
    expect(requestContext.identity).toEqual(anonymousIdentity('python-requests/testing'));
    expect(requestContext).toMatchObject({
      accountId: '123456789012',
      apiId: recorded.fixture.gateway.apis.find((api) => api.logicalId === 'EdgeApi')?.apiId,
      httpMethod: 'GET',
      path: '/stage/proxy-value',
      protocol: 'HTTP/1.1',
      resourcePath: '/{proxy+}',
      stage: 'stage',
    });
  });

  it('Q11: requestTimeEpoch is the number of ms of the gateway clock, requestTime the same instant in CLF ("Lambda proxy integrations in API Gateway", input format)', async () => {
    // Act
    const { requestContext } = await get('/stage/proxy-value');

    // Assess
    expect(requestContext.requestTimeEpoch).toBe(now);
    expect(requestContext.requestTime).toBe('21/Nov/2026:05:23:59 +0000');
  });

  it('Q11: requestId (a UUID) and extendedRequestId are new for each request; resourceId is per resource; deploymentId per API (recorded)', async () => {
    // Act
    const first = (await get('/stage/proxy-value')).requestContext;
    const second = (await get('/stage/other')).requestContext;
    const hardcoded = (await get('/stage/hardcoded')).requestContext;

    // Assess
    expect(first.requestId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(second.requestId).not.toBe(first.requestId);
    expect(second.extendedRequestId).not.toBe(first.extendedRequestId);
    // Shaped like the x-amz-apigw-id users captured (`FiV9AHvHoAMFtsg=`, koki-develop/lgtm-generator#10).
    expect(first.extendedRequestId).toMatch(/^[A-Za-z0-9]{15}=$/);
    expect(second.resourceId).toBe(first.resourceId);
    expect(hardcoded.resourceId).not.toBe(first.resourceId);
    expect(first.resourceId).toMatch(/^[a-z0-9]{6}$/);
    expect(first.deploymentId).toMatch(/^[a-z0-9]{6}$/);
    expect(hardcoded.deploymentId).toBe(first.deploymentId);
  });

  it('Q11: domainName is the Host called and domainPrefix its first label: the API id on execute-api (recorded)', async () => {
    // Prepare
    const apiId = recorded.fixture.gateway.apis.find((api) => api.logicalId === 'EdgeApi')?.apiId;
    const host = `${apiId}.execute-api.us-east-1.amazonaws.com`;

    // Act: node:http lets the Host differ from the address connected to
    const event = await nodeEvent(recorded.edgePort, {
      path: '/stage/proxy-value',
      headers: { Host: host },
    });

    // Assess
    expect(event.requestContext.domainName).toBe(host);
    expect(event.requestContext.domainPrefix).toBe(apiId);
  });
});
