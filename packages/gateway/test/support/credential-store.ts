import type { PolicyDocument } from '@petstore/iam-policy/evaluate';
import type { AssumedRoleSession, TemporaryCredentials } from '@petstore/sigv4/credentials';
import { issueCredentials } from '@petstore/sigv4/issue';
import { MemoryCredentialStore } from '@petstore/sigv4/memory-store';
import type { RoleModel } from '../../src/template/model';

const account = '123456789012';

/**
 * The sigv4 package's in-memory store, with a way to issue temporary credentials for sessions of
 * the template's roles directly (the local STS issues them after checking a web identity token).
 *
 * @example
 * const store = new TestCredentialStore();
 * const credentials = store.issue(role, 'alice', { PetRole: 'admin' }, { expiresAt: now + 3_600_000 });
 */
export class TestCredentialStore extends MemoryCredentialStore {
  constructor() {
    // The tests' clocks are their own: nothing is forgotten on the system clock's account.
    super({ retainExpiredMs: Number.POSITIVE_INFINITY });
  }

  issue(
    role: Pick<RoleModel, 'arn' | 'name' | 'roleId'>,
    sessionName: string,
    tags: Readonly<Record<string, string>>,
    options: { readonly expiresAt: number; readonly sessionPolicy?: PolicyDocument },
  ): TemporaryCredentials {
    const session: AssumedRoleSession = {
      accountId: account,
      roleArn: role.arn,
      roleName: role.name,
      roleId: role.roleId,
      sessionName,
      assumedRoleArn: `arn:aws:sts::${account}:assumed-role/${role.name}/${sessionName}`,
      principalTags: new Map(Object.entries(tags)),
      sessionPolicy: options.sessionPolicy,
      subject: `test|${sessionName}`,
      providerArn: `arn:aws:iam::${account}:oidc-provider/127.0.0.1:9000/`,
    };
    const credentials: TemporaryCredentials = {
      ...issueCredentials(session, 900, 0),
      expiresAt: options.expiresAt,
    };
    this.add(credentials);
    return credentials;
  }
}
