import type { AssumedRoleSession } from '@petstore/sigv4/credentials';
import { issueCredentials } from '@petstore/sigv4/issue';
import type { MemoryCredentialStore } from '@petstore/sigv4/memory-store';
import type { IamModel, RoleModel } from '../iam-model';
import { stsErrors } from '../protocol/sts-errors';
import { type MemberRule, validateParameters } from '../protocol/validate-parameters';
import type { OidcKeySource } from '../token/oidc-key-source';
import {
  type VerifiedWebIdentity,
  verifyWebIdentityToken,
} from '../token/verify-web-identity-token';
import { evaluateTrust } from '../trust/evaluate-trust';
import type { ActionHandler } from './action-handler';
import { parseArn } from './parse-arn';
import { readSessionPolicy } from './session-policy';

export interface AssumeRoleWithWebIdentityDeps {
  readonly iam: IamModel;
  readonly keys: OidcKeySource;
  readonly store: MemoryCredentialStore;
  /** Epoch milliseconds. */
  readonly clock: () => number;
}

// The members' constraints in STS's service model (API reference of AssumeRoleWithWebIdentity).
const arnCharacters = {
  source:
    '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+',
  regex: /^[\t\n\r\u0020-\u007E\u0085\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]+$/u,
};
const rules: readonly MemberRule[] = [
  { parameter: 'RoleArn', required: true, pattern: arnCharacters, minLength: 20, maxLength: 2048 },
  {
    parameter: 'RoleSessionName',
    required: true,
    pattern: { source: '[\\w+=,.@-]*', regex: /^[\w+=,.@-]*$/ },
    minLength: 2,
    maxLength: 64,
  },
  {
    parameter: 'WebIdentityToken',
    required: true,
    sensitive: true,
    minLength: 4,
    maxLength: 20_000,
  },
  { parameter: 'ProviderId', minLength: 4, maxLength: 2048 },
  { parameter: 'Policy', pattern: arnCharacters, minLength: 1, maxLength: 2048 },
  { parameter: 'DurationSeconds', integer: { min: 900, max: 43_200 } },
];

/** The packed limit of session policies and tags that `PackedPolicySize` is a percentage of. */
const packedLimit = 2048;

/**
 * `AssumeRoleWithWebIdentity` (unsigned): checks the parameters, verifies the token, evaluates the
 * role's trust policy and issues temporary credentials kept in the store.
 *
 * @example
 * const handler = assumeRoleWithWebIdentity({ iam, keys, store, clock: Date.now });
 * const result = await handler(request, notes); // { SubjectFromWebIdentityToken, Credentials, ... }
 */
export function assumeRoleWithWebIdentity(deps: AssumeRoleWithWebIdentityDeps): ActionHandler {
  const rolesByArn = new Map([...deps.iam.roles.values()].map((role) => [role.arn, role]));

  return async ({ parameters }, notes) => {
    const given = { role: parameters.get('RoleArn'), session: parameters.get('RoleSessionName') };
    if (given.role !== undefined) notes.role = given.role;
    if (given.session !== undefined) notes.session = given.session;
    validateParameters(parameters, rules);
    // Present from here on: validation refuses a missing one.
    const roleArn = String(given.role);
    const sessionName = String(given.session);
    const token = String(parameters.get('WebIdentityToken'));
    if (parameters.has('ProviderId')) throw stsErrors.providerIdWithOidc();
    if (!parseArn(roleArn)) throw stsErrors.malformedArn(roleArn);
    const policyText = parameters.get('Policy');
    const sessionPolicy = policyText === undefined ? undefined : readSessionPolicy(policyText);

    const now = deps.clock();
    const identity = await verifyWebIdentityToken(token, {
      providers: deps.iam.oidcProviders,
      keys: deps.keys,
      now,
    });
    notes.subject = identity.subject;

    const role = rolesByArn.get(roleArn);
    if (!role) throw stsErrors.accessDenied(`${roleArn} is not a role of the template`);
    notes.role = role.logicalId;
    const trust = evaluateTrust(role, identity);
    if (!trust.allowed) {
      throw stsErrors.accessDenied(
        `trust policy of ${role.logicalId}: ${trust.action} ${trust.decision} for ${describe(identity)}`,
      );
    }

    const duration = Number(parameters.get('DurationSeconds') ?? 3600);
    if (duration > role.maxSessionDurationSeconds) {
      throw stsErrors.durationExceedsRoleMax(
        `DurationSeconds ${duration} > MaxSessionDuration ${role.maxSessionDurationSeconds} of ${role.logicalId}`,
      );
    }

    const session = sessionOf(role, sessionName, identity, sessionPolicy);
    const credentials = issueCredentials(session, duration, now);
    deps.store.add(credentials);

    const tags = identity.sessionTags?.tags;
    const packed = (policyText?.length ?? 0) + [...(tags ?? [])].join('').length;
    return {
      SubjectFromWebIdentityToken: identity.subject,
      Audience: identity.audience,
      AssumedRoleUser: {
        Arn: session.assumedRoleArn,
        AssumedRoleId: `${role.roleId}:${sessionName}`,
      },
      Credentials: {
        AccessKeyId: credentials.accessKeyId,
        SecretAccessKey: credentials.secretAccessKey,
        SessionToken: credentials.sessionToken,
        Expiration: new Date(credentials.expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      },
      Provider: identity.issuer,
      PackedPolicySize:
        policyText !== undefined || (tags?.size ?? 0) > 0
          ? Math.max(1, Math.ceil((packed * 100) / packedLimit))
          : undefined,
    };
  };
}

function sessionOf(
  role: RoleModel,
  sessionName: string,
  identity: VerifiedWebIdentity,
  sessionPolicy: AssumedRoleSession['sessionPolicy'],
): AssumedRoleSession {
  const arn = parseArn(role.arn);
  const partition = arn?.partition ?? 'aws';
  const accountId = arn?.account ?? '';
  return {
    accountId,
    roleArn: role.arn,
    roleName: role.name,
    roleId: role.roleId,
    sessionName,
    assumedRoleArn: `arn:${partition}:sts::${accountId}:assumed-role/${role.name}/${sessionName}`,
    principalTags: identity.sessionTags?.tags ?? new Map(),
    sessionPolicy,
    subject: identity.subject,
    providerArn: identity.provider.arn,
  };
}

function describe(identity: VerifiedWebIdentity): string {
  const tags = [...(identity.sessionTags?.tags ?? [])].map(([key, value]) => `${key}=${value}`);
  return `aud ${identity.audience}, sub ${identity.subject}, tags [${tags.join(', ')}]`;
}
