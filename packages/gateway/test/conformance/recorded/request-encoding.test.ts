import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RecordedRequests, startRecordedRequests } from './recorded-requests';

// The path and query of the v1 event as API Gateway builds them (AWS-BEHAVIOR.md Q1-Q5). Where a
// case says "recorded", the request and the expected values are those of LocalStack's
// tests/aws/services/apigateway/test_apigateway_lambda.py::test_lambda_aws_proxy_integration
// (snapshot recorded against AWS), on the same resources: `/{proxy+}` and `/hardcoded` (ANY).

let recorded: RecordedRequests;
let port: number;

beforeAll(async () => {
  recorded = await startRecordedRequests();
  port = recorded.edgePort;
});
afterAll(() => recorded.fixture.close());

const get = (target: string, method = 'GET') => recorded.event(port, { method, target });

describe('Q1: path and path parameters stay percent-encoded, as sent', () => {
  it('Q1: a greedy path keeps %2B and + as sent in path, pathParameters and requestContext.path (recorded)', async () => {
    // Prepare
    const rest = 'proxy-value/api/user/test%2Balias@gmail.com/plus/test+alias@gmail.com';

    // Act
    const event = await get(`/stage/${rest}`);

    // Assess
    expect(event.resource).toBe('/{proxy+}');
    expect(event.path).toBe(`/${rest}`);
    expect(event.pathParameters).toEqual({ proxy: rest });
    expect(event.requestContext.path).toBe(`/stage/${rest}`);
  });

  it('Q1: a {param} keeps an encoded slash inside one parameter: my-id%2F100 (aws/aws-sam-cli#3524, captured on AWS)', async () => {
    // Act
    const event = await get('/stage/items/my-id%2F100');

    // Assess
    expect(event.resource).toBe('/items/{itemId}');
    expect(event.pathParameters).toEqual({ itemId: 'my-id%2F100' });
  });

  it('Q1: a {param} is not decoded: %40 stays %40 (serverless/serverless#5037), + stays + (dherault/serverless-offline#638)', async () => {
    // Act
    const encoded = await get('/stage/items/%40');
    const plus = await get('/stage/items/j9FbQtxCI5A+D0vE2iBXz-1');

    // Assess
    expect(encoded.pathParameters).toEqual({ itemId: '%40' });
    expect(plus.pathParameters).toEqual({ itemId: 'j9FbQtxCI5A+D0vE2iBXz-1' });
  });

  it('Q1 (unconfirmed, the stricter reading): a literal segment is compared as sent, so %65xisting is a parameter, not /items/existing', async () => {
    // Act
    const literal = await get('/stage/items/existing');
    const encoded = await get('/stage/items/%65xisting');

    // Assess
    expect(literal.resource).toBe('/items/existing');
    expect(encoded.resource).toBe('/items/{itemId}');
    expect(encoded.pathParameters).toEqual({ itemId: '%65xisting' });
  });
});

describe('Q2: trailing and double slashes', () => {
  it('Q2: a trailing slash stays in path and requestContext.path but not in the greedy parameter (recorded)', async () => {
    // Act
    const event = await get('/stage/proxy-value/');

    // Assess
    expect(event.path).toBe('/proxy-value/');
    expect(event.pathParameters).toEqual({ proxy: 'proxy-value' });
    expect(event.requestContext.path).toBe('/stage/proxy-value/');
  });

  it('Q2: a double slash inside a greedy path is kept in path, the parameter and requestContext.path (recorded)', async () => {
    // Act
    const event = await get('/stage/proxy-value//double-slash');

    // Assess
    expect(event.path).toBe('/proxy-value//double-slash');
    expect(event.pathParameters).toEqual({ proxy: 'proxy-value//double-slash' });
    expect(event.requestContext.path).toBe('/stage/proxy-value//double-slash');
  });

  it('Q2: a trailing slash after a literal resource reaches that resource (aws/aws-sam-cli#1495, from API Gateway logs)', async () => {
    // Act
    const event = await get('/stage/hardcoded/');

    // Assess
    expect(event.resource).toBe('/hardcoded');
    expect(event.path).toBe('/hardcoded/');
  });

  it('Q2 (unconfirmed, the stricter reading): an empty segment matches no literal or {param}, only a greedy parameter, which keeps it', async () => {
    // Act
    const event = await get('/stage/items//7');

    // Assess
    expect(event.resource).toBe('/{proxy+}');
    expect(event.pathParameters).toEqual({ proxy: 'items//7' });
  });
});

describe('Q3: slashes before and after the stage', () => {
  it('Q3: //stage/path is the stage path: path /proxy-value, requestContext.path /stage/proxy-value (recorded)', async () => {
    // Act
    const event = await get('//stage/proxy-value');

    // Assess
    expect(event.path).toBe('/proxy-value');
    expect(event.pathParameters).toEqual({ proxy: 'proxy-value' });
    expect(event.requestContext.path).toBe('/stage/proxy-value');
  });

  it('Q3: /stage//path collapses the slashes in path but keeps them in requestContext.path (recorded)', async () => {
    // Act
    const event = await get('/stage//proxy-value');

    // Assess
    expect(event.path).toBe('/proxy-value');
    expect(event.pathParameters).toEqual({ proxy: 'proxy-value' });
    expect(event.requestContext.path).toBe('/stage//proxy-value');
  });

  it('Q3: /stage//hardcoded reaches the literal resource, path /hardcoded, requestContext.path /stage//hardcoded (recorded)', async () => {
    // Act
    const event = await get('/stage//hardcoded');

    // Assess
    expect(event.resource).toBe('/hardcoded');
    expect(event.path).toBe('/hardcoded');
    expect(event.pathParameters).toBeNull();
    expect(event.requestContext).toMatchObject({
      path: '/stage//hardcoded',
      resourcePath: '/hardcoded',
    });
  });

  it('Q3: on the stage URL a root {proxy+} gets the path after the stage, not the stage itself (recorded: proxy-value)', async () => {
    // Act
    const event = await get('/stage/proxy-value');

    // Assess
    expect(event.pathParameters).toEqual({ proxy: 'proxy-value' });
    expect(event.path).toBe('/proxy-value');
  });
});

describe('Q4: which resource answers', () => {
  // LocalStack tests/aws/services/apigateway/test_apigateway_common.py::TestApigatewayRouting::
  // test_proxy_routing_with_hardcoded_resource_sibling (validated against AWS): `/test` has only
  // POST, `/test/any` has ANY, `/{proxy+}` answers OPTIONS.
  it('Q4: a literal resource without the method gives way to the greedy one: OPTIONS /test reaches /{proxy+}, POST /test reaches /test', async () => {
    // Act
    const options = await get('/stage/test', 'OPTIONS');
    const post = await get('/stage/test', 'POST');

    // Assess
    expect(options.resource).toBe('/{proxy+}');
    expect(options.pathParameters).toEqual({ proxy: 'test' });
    expect(post.resource).toBe('/test');
  });

  it('Q4: the more specific resource with ANY wins over a greedy one with the exact method: OPTIONS /test/any reaches /test/any', async () => {
    // Act
    const event = await get('/stage/test/any', 'OPTIONS');

    // Assess
    expect(event.resource).toBe('/test/any');
  });

  it('Q4: a path below a literal resource that has no child of that name reaches the greedy one (test_routing_with_hardcoded_resource_sibling_order)', async () => {
    // Act
    const event = await get('/stage/hardcoded/random-value');

    // Assess
    expect(event.resource).toBe('/{proxy+}');
    expect(event.pathParameters).toEqual({ proxy: 'hardcoded/random-value' });
  });
});

describe('Q5: query strings', () => {
  it('Q5: values are form-decoded: + is a space, %2B a plus, a URL stays whole (recorded)', async () => {
    // Prepare: as python-requests sent it (the space as %20; `#` and what follows stay with the client)
    const query = [
      'dateTimeOffset=2023-06-12T18:05:10.123456+00:00',
      'email=test%2Balias@gmail.com',
      'plus=test+alias@gmail.com',
      'url=https://www.google.com/',
      'whitespace=foo%20bar',
      'zhash=abort/',
    ].join('&');

    // Act
    const event = await get(`/stage/proxy-value/api?${query}`);

    // Assess
    const expected = {
      dateTimeOffset: '2023-06-12T18:05:10.123456 00:00',
      email: 'test+alias@gmail.com',
      plus: 'test alias@gmail.com',
      url: 'https://www.google.com/',
      whitespace: 'foo bar',
      zhash: 'abort/',
    };
    expect(event.queryStringParameters).toEqual(expected);
    expect(event.multiValueQueryStringParameters).toEqual(
      Object.fromEntries(Object.entries(expected).map(([key, value]) => [key, [value]])),
    );
    expect(event.path).toBe('/proxy-value/api');
  });

  it('Q5: a repeated key has its last value in queryStringParameters and all, in order, in the multi-value map (recorded)', async () => {
    // Act
    const event = await get(
      '/stage/proxy-value?category=electronics&category=books&price=10&price=20&price=30',
      'POST',
    );

    // Assess
    expect(event.queryStringParameters).toEqual({ category: 'books', price: '30' });
    expect(event.multiValueQueryStringParameters).toEqual({
      category: ['electronics', 'books'],
      price: ['10', '20', '30'],
    });
  });

  it('Q5: without a query both maps are null (recorded)', async () => {
    // Act
    const event = await get('/stage/proxy-value');

    // Assess
    expect(event.queryStringParameters).toBeNull();
    expect(event.multiValueQueryStringParameters).toBeNull();
  });

  it('Q5 (unconfirmed): a key without = and an empty value are empty strings, ; is no separator', async () => {
    // Act
    const event = await get('/stage/proxy-value?flag&empty=&a=1;b=2');

    // Assess
    expect(event.queryStringParameters).toEqual({ flag: '', empty: '', a: '1;b=2' });
  });
});
