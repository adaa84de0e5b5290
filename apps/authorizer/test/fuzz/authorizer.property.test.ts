import { operations } from '@petstore/api-contract/operations';
import { permissionValues } from '@petstore/api-contract/types';
import { evaluatePolicy } from '@petstore/iam-policy/evaluate';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthorizerResult } from '../../src/authorize';
import { AuthorizerFaultError } from '../../src/errors';
import { api, testAuthorizer } from '../support/authorizer';
import { type JwksServer, startJwksServer } from '../support/jwks-server';
import { type SigningKey, signingKey } from '../support/keys';
import { propertyRuns } from '../support/property';
import { accessToken, admin } from '../support/tokens';

// Every input an attacker controls: the whole Authorization header value, and the called path
// inside the methodArn (any characters: API Gateway passes the path as requested). API
// Gateway's own part of the methodArn is fuzzed too, as a stand-in for an emulator bug.

const base64url = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('');
const anyText = fc.string({ unit: 'binary', maxLength: 300 });
const segment = fc.string({ unit: fc.constantFrom(...base64url), maxLength: 200 });
const methods = fc.constantFrom('GET', 'POST', 'DELETE', 'PUT', 'PATCH', 'OPTIONS', 'HEAD');
const calledPath = fc.oneof(
  anyText.map((text) => `/${text}`),
  fc
    .array(
      fc.oneof(fc.constantFrom('pets', 'me', 'purchase', '*', '?', '**', '%2A', ''), anyText),
      {
        maxLength: 6,
      },
    )
    .map((parts) => `/${parts.join('/')}`),
);
const goodArn = fc.tuple(methods, calledPath).map(([method, path]) => `${api}/${method}${path}`);
const anyArn = fc.oneof(
  { weight: 4, arbitrary: goodArn },
  { weight: 1, arbitrary: anyText },
  {
    weight: 1,
    arbitrary: fc
      .tuple(anyText, anyText, methods, calledPath)
      .map(
        ([apiId, stage, method, path]) =>
          `arn:aws:execute-api:eu-west-1:123456789012:${apiId}/${stage}/${method}${path}`,
      ),
  },
);

type Outcome =
  | { readonly kind: 'policy'; readonly result: AuthorizerResult }
  | { readonly kind: 'unauthorized' }
  | { readonly kind: 'fault'; readonly reason: string };

/** What the authorizer did, or a failed assertion if it did anything else. */
async function outcomeOf(promise: Promise<AuthorizerResult>): Promise<Outcome> {
  try {
    return { kind: 'policy', result: await promise };
  } catch (error) {
    if (error instanceof AuthorizerFaultError) {
      expect(error.message).toBe(`authorizer fault: ${error.reason}`);
      return { kind: 'fault', reason: error.reason };
    }
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).constructor).toBe(Error);
    expect((error as Error).message).toBe('Unauthorized');
    return { kind: 'unauthorized' };
  }
}

/** The part of an ARN API Gateway writes, as the authorizer accepts it (no wildcard, no `/`). */
const wellFormedPrefix =
  /^arn:aws[a-z-]*:execute-api:[^:/*?\s]+:[^:/*?\s]+:[^:/*?\s]+\/[^/*?\s]+\/[A-Z]+(\/|$)/;

describe('the authorizer under arbitrary input (fast-check)', () => {
  let key: SigningKey;
  let server: JwksServer;
  let authorize: ReturnType<typeof testAuthorizer>;
  let good: string;

  beforeAll(async () => {
    key = await signingKey('fuzz-key');
    server = await startJwksServer([key.publicJwk]);
    authorize = testAuthorizer({ JWKS_URI: server.jwksUri });
    const iat = Math.floor(Date.now() / 1000);
    good = await accessToken(key, { ...admin, iat, exp: iat + 3600 });
  });
  afterAll(() => server.close());

  /** Header values: random text, token-shaped strings, and the good token bent in small ways. */
  const headers = () =>
    fc.oneof(
      anyText,
      anyText.map((text) => `Bearer ${text}`),
      fc.tuple(segment, segment, segment).map((parts) => `Bearer ${parts.join('.')}`),
      fc.constant(`Bearer ${good}`),
      fc
        .tuple(fc.nat(good.length - 1), fc.constantFrom(...base64url, '.', '=', ' ', '*'))
        .map(([at, char]) => `Bearer ${good.slice(0, at)}${char}${good.slice(at + 1)}`),
      fc.tuple(anyText, anyText).map(([before, after]) => `${before}Bearer ${good}${after}`),
    );

  it('answers only with a policy, Unauthorized, or INVALID_METHOD_ARN for a malformed API Gateway part', async () => {
    await fc.assert(
      fc.asyncProperty(headers(), anyArn, async (header, methodArn) => {
        // Act
        const outcome = await outcomeOf(
          authorize({ type: 'TOKEN', authorizationToken: header, methodArn }),
        );
        // Assess
        const logged = JSON.stringify(authorize.log.entries.splice(0));
        expect(logged).not.toMatch(/\n\s+at |\\n\s+at /);
        if (header.length >= 20) expect(logged).not.toContain(header);
        if (header !== `Bearer ${good}`) {
          // Any other value is not a valid token (a one-character change breaks the signature
          // or the canonical encoding, or keeps the token unchanged).
          if (outcome.kind === 'policy') expect(header).toBe(`Bearer ${good}`);
          expect(outcome.kind).toBe('unauthorized');
          return;
        }
        if (wellFormedPrefix.test(methodArn)) {
          expect(outcome.kind).toBe('policy');
        } else {
          expect(outcome).toEqual({ kind: 'fault', reason: 'INVALID_METHOD_ARN' });
        }
      }),
      propertyRuns(400),
    );
  });

  it('for every permission set and any called path: the policy of GET /pets, right for every route', async () => {
    const reference = new Map<string, AuthorizerResult>();
    await fc.assert(
      fc.asyncProperty(
        fc.subarray<string>([...permissionValues]),
        methods,
        calledPath,
        async (held, method, path) => {
          // Prepare
          const iat = Math.floor(Date.now() / 1000);
          const header = `Bearer ${await accessToken(key, { sub: 'fuzz', permissions: held, iat, exp: iat + 600 })}`;
          const id = [...held].sort().join(' ');
          if (!reference.has(id)) {
            reference.set(
              id,
              await authorize({
                type: 'TOKEN',
                authorizationToken: header,
                methodArn: `${api}/GET/pets`,
              }),
            );
          }
          // Act
          const result = await authorize({
            type: 'TOKEN',
            authorizationToken: header,
            methodArn: `${api}/${method}${path}`,
          });
          // Assess: cache-safe (the same answer whichever path was called)...
          expect(result.policyDocument).toEqual(reference.get(id)?.policyDocument);
          // ...and right for every operation, whatever its path parameters hold
          for (const operation of operations) {
            for (const value of ['42', '*', 'purchase', 'a?b']) {
              const arn = `${api}/${operation.method}${operation.path.replace('{petId}', value)}`;
              const granted = operation.permissions.every((permission) =>
                held.includes(permission),
              );
              expect(
                evaluatePolicy(result.policyDocument, arn) === 'allow',
                `${arn} for [${id}]`,
              ).toBe(granted);
            }
          }
          for (const statement of result.policyDocument.Statement) {
            for (const resource of [statement.Resource].flat())
              expect(resource.startsWith(`${api}/`)).toBe(true);
          }
          authorize.log.entries.splice(0);
        },
      ),
      propertyRuns(150),
    );
  });
});
