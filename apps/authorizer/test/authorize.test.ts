import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthorizer } from '../src/authorize';
import { AuthorizerFaultError } from '../src/errors';
import {
  api,
  expectUnauthorized,
  recordingLog,
  testAuthorizer,
  tokenEvent,
} from './support/authorizer';
import { type JwksServer, startJwksServer } from './support/jwks-server';
import { type SigningKey, signingKey } from './support/keys';
import { accessToken, admin, issuer, machine } from './support/tokens';

describe('the authorizer’s answer and its logs', () => {
  let key: SigningKey;
  let server: JwksServer;
  let authorize: ReturnType<typeof testAuthorizer>;

  beforeAll(async () => {
    key = await signingKey('log-key');
    server = await startJwksServer([key.publicJwk]);
    authorize = testAuthorizer({ JWKS_URI: server.jwksUri });
  });
  afterAll(() => server.close());

  it('principalId is sub; context values are all strings (A5, A6)', async () => {
    // Act
    const user = await authorize(tokenEvent(`Bearer ${await accessToken(key, admin)}`));
    const robot = await authorize(tokenEvent(`Bearer ${await accessToken(key, machine)}`));
    // Assess
    expect(user.principalId).toBe(admin.sub);
    expect(user.context).toEqual({
      sub: admin.sub,
      name: admin.name,
      permissions: 'read:pets create:pets delete:pets',
      tokenType: 'user',
    });
    expect(robot.context).toEqual({
      sub: machine.sub,
      name: machine.sub,
      permissions: 'read:pets',
      tokenType: 'machine',
      clientId: machine.client_id,
    });
    for (const { context } of [user, robot]) {
      expect(Object.values(context ?? {}).every((value) => typeof value === 'string')).toBe(true);
    }
  });

  it('a rejection is logged with the reason, a fingerprint and unverified kid/iss/sub, never the token', async () => {
    // Prepare
    const token = await accessToken(key, { ...admin, iss: 'https://evil.example' });
    // Act
    await expectUnauthorized(authorize(tokenEvent(`Bearer ${token}`)));
    // Assess
    const entry = authorize.log.entries.at(-1);
    expect(entry).toEqual([
      'warn',
      'token rejected',
      {
        reason: 'ISS_CHECK_FAILED',
        detail: 'ERR_JWT_CLAIM_VALIDATION_FAILED: unexpected "iss" claim value',
        fingerprint: expect.stringMatching(/^[0-9a-f]{8}$/),
        kid: 'log-key',
        alg: 'RS256',
        iss: 'https://evil.example',
        sub: admin.sub,
      },
    ]);
    const logged = JSON.stringify(authorize.log.entries);
    for (const segment of token.split('.')) expect(logged).not.toContain(segment);
  });

  it('the same token always has the same fingerprint, another token another one', async () => {
    // Prepare
    const one = `Bearer ${await accessToken(key, { ...admin, iss: `${issuer}/x` })}`;
    const two = `Bearer ${await accessToken(key, { ...admin, iss: `${issuer}/y` })}`;
    const fingerprint = async (header: string) => {
      await expectUnauthorized(authorize(tokenEvent(header)));
      const [, , details] = authorize.log.entries.at(-1) ?? [];
      return (details as { fingerprint: string }).fingerprint;
    };
    // Act
    const prints = [await fingerprint(one), await fingerprint(one), await fingerprint(two)];
    // Assess
    expect(prints[0]).toBe(prints[1]);
    expect(prints[0]).not.toBe(prints[2]);
  });

  it('an event that is not a TOKEN event, or a methodArn with a bad or wildcard API Gateway part, is a fault (500)', async () => {
    // Prepare
    const header = `Bearer ${await accessToken(key)}`;
    const events = [
      { type: 'REQUEST', authorizationToken: header, methodArn: `${api}/GET/pets` },
      { type: 'TOKEN', authorizationToken: header, methodArn: 'arn:aws:s3:::bucket' },
      {
        type: 'TOKEN',
        authorizationToken: header,
        methodArn: 'arn:aws:execute-api:eu-west-1:123456789012:abc123/*/GET/pets',
      },
    ];
    // Act + Assess
    for (const event of events) {
      await expect(authorize(event as never)).rejects.toBeInstanceOf(AuthorizerFaultError);
    }
  });

  it('an unexpected error is a fault (500) logged as INTERNAL, not a 401', async () => {
    // Prepare: an identity reader that breaks
    const log = recordingLog();
    const broken = createAuthorizer({
      verify: async () => ({ claims: { sub: 's' }, header: { alg: 'RS256' } }),
      identify: () => {
        throw new TypeError('boom');
      },
      policyFor: () => ({ Version: '2012-10-17', Statement: [] }),
      log,
      maxTokenBytes: 8192,
    });
    // Act
    const error = await broken(tokenEvent('Bearer a.b.c')).catch((thrown: unknown) => thrown);
    // Assess
    expect(error).toBeInstanceOf(AuthorizerFaultError);
    expect(log.entries.at(-1)).toEqual([
      'error',
      'authorizer fault',
      expect.objectContaining({ reason: 'INTERNAL', detail: 'TypeError: boom' }),
    ]);
  });
});
