import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayOptionsError } from '../src/errors';
import { startGateway } from '../src/start-gateway';
import { localApiId } from '../src/template/local-identity';
import { readTemplate } from '../src/template/read-template';
import { freePort } from './support/free-port';
import { type FixtureGateway, fixtures, startFixture } from './support/start-fixture';

const templatePath = join(fixtures, 'multi-api', 'template.yaml');
const quiet = { info: () => {}, warn: () => {}, access: () => {} };

describe('several APIs in one template', () => {
  let fixture: FixtureGateway;
  const url = (logicalId: string) =>
    fixture.gateway.apis.find((api) => api.logicalId === logicalId)?.url ?? 'unknown';

  beforeAll(async () => {
    // One execution environment: calls from every API land in the same one.
    fixture = await startFixture('multi-api', { maxConcurrency: 1 });
  });
  afterAll(() => fixture.close());

  it('lists every API with events, in template order (the implicit ServerlessRestApi first), each on its own port', () => {
    // Assess
    const { apis } = fixture.gateway;
    expect(apis.map(({ logicalId, apiId, stage }) => ({ logicalId, apiId, stage }))).toEqual([
      { logicalId: 'ServerlessRestApi', apiId: localApiId('ServerlessRestApi'), stage: 'Prod' },
      { logicalId: 'PublicApi', apiId: localApiId('PublicApi'), stage: 'v1' },
      { logicalId: 'PetsApi', apiId: localApiId('PetsApi'), stage: 'test' },
    ]);
    expect(new Set(apis.map((api) => api.port)).size).toBe(3);
    expect(apis.map((api) => api.url)).toEqual(apis.map((api) => `http://127.0.0.1:${api.port}`));
    expect(fixture.gateway.url).toBe(apis[0]?.url);
    expect(fixture.gateway.port).toBe(apis[0]?.port);
  });

  it('answers each API on its own port, root and stage paths, with its own apiId and stage in the event', async () => {
    // Act
    const implicit = await fetch(`${url('ServerlessRestApi')}/Prod/implicit`);
    const hello = await fetch(`${url('PublicApi')}/hello`);
    const pets = await fetch(`${url('PetsApi')}/test/pets`, {
      headers: { Authorization: 'Bearer allow-all' },
    });

    // Assess
    const contexts = await Promise.all(
      [implicit, hello, pets].map(async (response) => {
        const { event } = (await response.json()) as {
          event: { requestContext: { apiId: string; stage: string; path: string } };
        };
        return { status: response.status, ...event.requestContext };
      }),
    );
    expect(contexts).toMatchObject([
      {
        status: 200,
        apiId: localApiId('ServerlessRestApi'),
        stage: 'Prod',
        path: '/Prod/implicit',
      },
      { status: 200, apiId: localApiId('PublicApi'), stage: 'v1', path: '/hello' },
      { status: 200, apiId: localApiId('PetsApi'), stage: 'test', path: '/test/pets' },
    ]);
  });

  it("keeps each API's routes and authorizers to itself: another API's path is Missing Authentication Token", async () => {
    // Act
    const wrongApi = await fetch(`${url('PublicApi')}/pets`, {
      headers: { Authorization: 'Bearer allow-all' },
    });
    const noToken = await fetch(`${url('PetsApi')}/pets`);

    // Assess
    expect(wrongApi.status).toBe(403);
    expect(wrongApi.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    expect(noToken.status).toBe(401);
  });

  it('runs the functions once for all APIs: calls from two APIs reach the same execution environment', async () => {
    // Act
    const first = (await (await fetch(`${url('PublicApi')}/hello`)).json()) as { calls: number };
    const second = (await (await fetch(`${url('ServerlessRestApi')}/implicit`)).json()) as {
      calls: number;
    };

    // Assess
    expect(second.calls).toBe(first.calls + 1);
    expect(fixture.gateway.poolStats('EchoFunction')).toMatchObject({ size: 1, maxSize: 1 });
  });

  it('names each API with its URL and stage in the start log', () => {
    // Assess
    for (const api of fixture.gateway.apis) {
      expect(fixture.messages).toContainEqual(
        expect.stringContaining(`${api.logicalId} (stage ${api.stage}) on ${api.url}\n`),
      );
    }
  });
});

describe('choosing APIs and ports', () => {
  it('puts each API on the port given by logical id, and the first on `port`', async () => {
    // Prepare
    const [first, pets] = [await freePort(), await freePort()];

    // Act
    const gateway = await startGateway({
      templatePath,
      logger: quiet,
      port: first,
      ports: { PetsApi: pets },
    });

    // Assess
    const ports = gateway.apis.map((api) => [api.logicalId, api.port]);
    await gateway.close();
    expect(ports[0]).toEqual(['ServerlessRestApi', first]);
    expect(ports[2]).toEqual(['PetsApi', pets]);
    expect(ports[1]?.[1]).not.toBe(0);
  });

  it('serves only the API named by `api`', async () => {
    // Act
    const gateway = await startGateway({ templatePath, logger: quiet, api: 'PetsApi' });

    // Assess
    const served = gateway.apis.map((api) => api.logicalId);
    const functions = [...gateway.model.functions.keys()];
    await gateway.close();
    expect(served).toEqual(['PetsApi']);
    expect(functions.sort()).toEqual(['AuthorizerFunction', 'EchoFunction']);
  });

  it('refuses `ports` naming an API it does not serve, naming the served ones', async () => {
    // Act
    const started = startGateway({ templatePath, logger: quiet, ports: { Nope: 1 } });

    // Assess
    await expect(started).rejects.toThrow(GatewayOptionsError);
    await expect(started).rejects.toThrow(
      'ports names Nope, which the gateway does not serve (it serves ServerlessRestApi, PublicApi, PetsApi)',
    );
  });

  it('warns about a declared API that no event uses', async () => {
    // Act
    const model = await readTemplate(templatePath);

    // Assess
    expect(model.warnings).toContain('Api UnusedApi: has no Api events: it is not served');
  });
});
