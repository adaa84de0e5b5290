import { describe, expect, it } from 'vitest';
import { callers, proxyEvent, roleNames } from './support/proxy-event';

// The handlers' tests run on these events: they must be the local gateway's, not a hand-built
// imitation (which had drifted: an RFC 7231 `requestTime`, no `tokenType` from the authorizer).
describe("the handlers' test events", () => {
  it('carry requestTime in API Gateway CLF format (dd/MMM/yyyy:HH:mm:ss +0000)', () => {
    const event = proxyEvent({ method: 'GET', resource: '/pets' });
    expect(event.requestContext.requestTime).toMatch(
      /^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/,
    );
  });

  it("carry the TOKEN authorizer's own context (strings, tokenType) and principalId", () => {
    const event = proxyEvent({ method: 'GET', resource: '/pets', authorizer: callers.machine });
    expect(event.requestContext.authorizer).toMatchObject({
      principalId: 'petstore-m2m',
      sub: 'petstore-m2m',
      permissions: 'read:pets',
      tokenType: 'machine',
      clientId: 'petstore-m2m',
    });
  });

  it("carry an IAM caller's identity as the gateway builds it, with no authorizer", () => {
    const event = proxyEvent({
      method: 'GET',
      resource: '/pets',
      assumedRole: { roleName: roleNames.buyer, sessionName: 'amazon-demo=7Cbea' },
    });
    expect(event.requestContext.authorizer).toBeUndefined();
    expect(event.requestContext.identity).toMatchObject({
      userArn: `arn:aws:sts::123456789012:assumed-role/${roleNames.buyer}/amazon-demo=7Cbea`,
      user: expect.stringMatching(/^AROA[0-9A-F]{17}:amazon-demo=7Cbea$/),
      accessKey: expect.stringMatching(/^ASIA/),
      accountId: '123456789012',
    });
  });

  it('refuse a route the template does not have', () => {
    expect(() => proxyEvent({ method: 'PUT', resource: '/pets' })).toThrow(/no route PUT \/pets/);
  });
});
