import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureGateway, startFixture } from '../support/start-fixture';

// `$context.deploymentId` is "the ID of the API deployment" (API Gateway developer guide,
// "Variables for data transformations" / $context variables): one request is served by one
// deployment, so the REQUEST authorizer's event (R2) and the integration's (Q11) carry the same id.

let fixture: FixtureGateway;

beforeAll(async () => {
  fixture = await startFixture('request-authorizer');
});
afterAll(() => fixture.close());

describe('requestContext.deploymentId (AWS-BEHAVIOR.md R2, Q11)', () => {
  it('is the same in the REQUEST authorizer event and in the proxy event of one request', async () => {
    // Prepare
    const token = 'allow-all.deployment-id';

    // Act
    const response = await fixture.call('/test/pets/7?tenant=acme', {
      headers: { 'X-Api-Token': token },
    });

    // Assess
    expect(response.status).toBe(200);
    const backend = (await response.json()) as {
      event: { requestContext: { deploymentId: string } };
    };
    const calls = (await fixture.authorizerCalls()) as unknown as {
      headers: Record<string, string>;
      requestContext: { deploymentId: string };
    }[];
    const authorizerEvent = calls.find((event) => event.headers['X-Api-Token'] === token);
    expect(backend.event.requestContext.deploymentId).toMatch(/^[a-z0-9]{6}$/);
    expect(authorizerEvent?.requestContext.deploymentId).toBe(
      backend.event.requestContext.deploymentId,
    );
  });
});
