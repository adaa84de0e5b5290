import { fileURLToPath } from 'node:url';
import {
  type LocalStsOptions,
  type StsCallLogEntry,
  startLocalSts,
} from '../../src/start-local-sts';
import { type OidcTestServer, startOidcTestServer } from './oidc-test-server';

export const fixtureTemplate = fileURLToPath(new URL('../fixtures/template.yaml', import.meta.url));

/** A clock tests move by hand. */
export function manualClock(start = Date.parse('2026-11-21T10:00:00Z')) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/**
 * A local STS over the fixture template, whose OIDC provider is a test provider started for it;
 * log lines are collected (and not printed).
 */
export async function startTestSts(
  options: Partial<LocalStsOptions> & { readonly trailingSlash?: boolean } = {},
) {
  const { trailingSlash, ...rest } = options;
  const idp: OidcTestServer = await startOidcTestServer(
    trailingSlash === undefined ? {} : { trailingSlash },
  );
  const calls: StsCallLogEntry[] = [];
  const messages: string[] = [];
  const sts = await startLocalSts({
    templatePath: fixtureTemplate,
    parameters: { TokenIssuer: idp.issuer },
    log: {
      call: (entry) => calls.push(entry),
      info: (message) => messages.push(message),
      warn: (message) => messages.push(message),
      error: (message) => messages.push(message),
    },
    ...rest,
  });
  const roleArn = (logicalId: string) => {
    const role = sts.iam.roles.get(logicalId);
    if (!role) throw new Error(`no role ${logicalId} in the fixture`);
    return role.arn;
  };
  return {
    sts,
    idp,
    calls,
    messages,
    roleArn,
    close: async () => {
      await sts.close();
      await idp.close();
    },
  };
}

export type TestSts = Awaited<ReturnType<typeof startTestSts>>;

/** The tags claim the identity provider sets for a role. */
export function petRoleTags(role: string) {
  return { 'https://aws.amazon.com/tags': { principal_tags: { PetRole: [role] } } };
}
