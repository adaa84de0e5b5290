import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayErrors } from '../../src/responses/gateway-errors';
import {
  contextVariables,
  mapHeaderExpression,
  renderTemplate,
} from '../../src/responses/response-context';
import { RouteTable } from '../../src/routing/route-table';
import type { ApiModel, RouteModel } from '../../src/template/model';
import { exchange } from '../support/raw-http';
import { type FixtureGateway, startFixture } from '../support/start-fixture';

// Names of Object.prototype's members are ordinary data to API Gateway: a query parameter, a
// header or an authorizer context key may be called `constructor` or `__proto__`.
const prototypeNames = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

let fixture: FixtureGateway;
let port: number;

beforeAll(async () => {
  fixture = await startFixture('petstore');
  port = fixture.gateway.port;
});
afterAll(() => fixture.close());

// biome-ignore lint/suspicious/noExplicitAny: the echoed event is checked field by field
const echoedEvent = (text: string): any => JSON.parse(text).event;

describe('prototype-named keys are ordinary data in the request path', () => {
  it.each(prototypeNames)(
    'a query parameter named %s reaches the function as an own key of both query maps',
    async (name) => {
      // Act
      const response = await exchange(port, {
        method: 'GET',
        target: `/public?${name}=x&${name}=y&other=1`,
      });

      // Assess
      expect(response.status).toBe(200);
      const event = echoedEvent(response.text);
      expect(Object.hasOwn(event.queryStringParameters, name)).toBe(true);
      expect(event.queryStringParameters[name]).toBe('y');
      expect(event.multiValueQueryStringParameters[name]).toEqual(['x', 'y']);
      expect(event.queryStringParameters.other).toBe('1');
    },
  );

  it.each(['__proto__=', 'constructor=', 'toString'])(
    'a query parameter with an empty value (%s) is an own key with an empty value',
    async (query) => {
      // Act
      const response = await exchange(port, { method: 'GET', target: `/public?${query}` });

      // Assess
      expect(response.status).toBe(200);
      const event = echoedEvent(response.text);
      const name = query.replace('=', '');
      expect(Object.getOwnPropertyDescriptor(event.queryStringParameters, name)?.value).toBe('');
      expect(event.multiValueQueryStringParameters[name]).toEqual(['']);
    },
  );

  it.each(prototypeNames)(
    'a header named %s reaches the function in headers and multiValueHeaders',
    async (name) => {
      // Act
      const response = await exchange(port, {
        method: 'GET',
        target: '/public',
        headers: [
          [name, 'first'],
          [name, 'second'],
        ],
      });

      // Assess
      expect(response.status).toBe(200);
      const event = echoedEvent(response.text);
      expect(Object.getOwnPropertyDescriptor(event.headers, name)?.value).toBe('second');
      expect(event.multiValueHeaders[name]).toEqual(['first', 'second']);
    },
  );

  it('a header named constructor on a TOKEN route is ordinary: the authorizer and the function run', async () => {
    // Act
    const response = await exchange(port, {
      method: 'GET',
      target: '/pets/__proto__?__proto__=1',
      headers: [
        ['Authorization', 'Bearer allow-all.proto'],
        ['constructor', 'x'],
      ],
    });

    // Assess
    expect(response.status).toBe(200);
    const event = echoedEvent(response.text);
    expect(event.pathParameters).toEqual({ petId: '__proto__' });
    expect(event.headers.constructor).toBe('x');
  });

  it('a greedy path parameter that spells a prototype name is its value', async () => {
    // Act
    const response = await exchange(port, {
      method: 'GET',
      target: '/files/constructor/__proto__',
    });

    // Assess
    expect(response.status).toBe(200);
    expect(echoedEvent(response.text).pathParameters).toEqual({ proxy: 'constructor/__proto__' });
  });

  it('an authorizer context with prototype-named keys reaches requestContext.authorizer whole', async () => {
    // Act
    const response = await exchange(port, {
      method: 'GET',
      target: '/pets',
      headers: [['Authorization', 'Bearer proto-context']],
    });

    // Assess
    expect(response.status).toBe(200);
    const { authorizer } = echoedEvent(response.text).requestContext;
    expect(Object.getOwnPropertyDescriptor(authorizer, '__proto__')?.value).toBe('p');
    expect(authorizer.constructor).toBe('c');
    expect(authorizer.toString).toBe('t');
    expect(authorizer.hasOwnProperty).toBe('h');
    expect(authorizer.principalId).toBe('user-8');
  });
});

describe('gateway response mapping with prototype names', () => {
  const api = {
    apiId: 'abc',
    stageName: 'prod',
    stageVariables: { flavour: 'local' },
  } as unknown as ApiModel;
  const request = {
    requestId: 'r1',
    extendedRequestId: 'e1',
    method: 'GET',
    path: '/pets',
    query: '',
    headers: [],
    body: Buffer.alloc(0),
    sourceIp: '127.0.0.1',
    protocol: 'HTTP/1.1',
    receivedAt: 0,
  };
  const route = { path: '/pets/{petId}', method: 'GET' } as unknown as RouteModel;
  const context = {
    request,
    api,
    matched: { route, pathParameters: { petId: '7' } },
    authorizer: undefined,
  };
  const variables = contextVariables(context, gatewayErrors.unauthorized());

  it.each(prototypeNames)(
    'context, stageVariables and method.request.path references named %s map to nothing',
    (name) => {
      // Act
      const fromContext = mapHeaderExpression(`context.${name}`, context, variables);
      const fromStage = mapHeaderExpression(`stageVariables.${name}`, context, variables);
      const fromPath = mapHeaderExpression(`method.request.path.${name}`, context, variables);

      // Assess
      expect([fromContext, fromStage, fromPath]).toEqual([undefined, undefined, undefined]);
    },
  );

  it.each(prototypeNames.filter((name) => /^[A-Za-z]/.test(name)))(
    'a body template referring to $context.%s keeps the reference as written (an unknown variable)',
    (name) => {
      // Act
      const body = renderTemplate(
        `{"a":"$context.${name}","b":"$stageVariables.${name}","c":"$!context.${name}"}`,
        variables,
        api.stageVariables,
      );

      // Assess
      expect(body).toBe(`{"a":"$context.${name}","b":"$stageVariables.${name}","c":""}`);
    },
  );

  it('a route table matches a literal segment named like a prototype member only when it exists', () => {
    // Prepare
    const table = new RouteTable([{ path: '/pets', method: 'GET' } as unknown as RouteModel]);

    // Act
    const found = prototypeNames.map((name) => table.match('GET', `/${name}`));

    // Assess
    expect(found).toEqual(prototypeNames.map(() => undefined));
  });
});
