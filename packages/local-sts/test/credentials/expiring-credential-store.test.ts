import type { TemporaryCredentials } from '@petstore/sigv4/credentials';
import { describe, expect, it } from 'vitest';
import { ExpiringCredentialStore } from '../../src/credentials/expiring-credential-store';
import { issueCredentials } from '../../src/credentials/issue-credentials';
import { manualClock } from '../support/test-sts';

const session = {
  accountId: '123456789012',
  roleArn: 'arn:aws:iam::123456789012:role/AdminRole',
  roleName: 'AdminRole',
  roleId: 'AROAABCDEFGHIJKLMNOPQ',
  sessionName: 'ada',
  assumedRoleArn: 'arn:aws:sts::123456789012:assumed-role/AdminRole/ada',
  principalTags: new Map([['PetRole', 'admin']]),
  sessionPolicy: undefined,
  subject: 'database|ada',
  providerArn: 'arn:aws:iam::123456789012:oidc-provider/127.0.0.1:9000',
};

function issue(clock: { now: () => number }, seconds = 900): TemporaryCredentials {
  return issueCredentials(session, seconds, clock.now());
}

describe('ExpiringCredentialStore', () => {
  it('finds credentials by access key id, and nothing for a key it never issued', () => {
    const clock = manualClock();
    const store = new ExpiringCredentialStore({ clock: clock.now });
    const credentials = issue(clock);
    store.add(credentials);
    expect(store.find(credentials.accessKeyId)).toBe(credentials);
    expect(store.find('ASIAAAAAAAAAAAAAAAAA')).toBeUndefined();
  });

  it('still finds expired credentials while retained, so a verifier can answer "expired", then forgets them', () => {
    const clock = manualClock();
    const store = new ExpiringCredentialStore({ clock: clock.now, retainExpiredMs: 60_000 });
    const credentials = issue(clock, 900);
    store.add(credentials);
    clock.advance(900_000 + 59_999);
    expect(store.find(credentials.accessKeyId)?.expiresAt).toBeLessThan(clock.now());
    clock.advance(1);
    expect(store.find(credentials.accessKeyId)).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('keeps at most maxEntries credentials, forgetting the oldest issued first', () => {
    const clock = manualClock();
    const store = new ExpiringCredentialStore({ clock: clock.now, maxEntries: 3 });
    const issued = Array.from({ length: 5 }, () => {
      const credentials = issue(clock);
      store.add(credentials);
      clock.advance(1000);
      return credentials;
    });
    expect(store.size).toBe(3);
    expect(issued.map((credentials) => store.find(credentials.accessKeyId) !== undefined)).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
  });

  it('sweeps credentials past their retention when new ones are issued', () => {
    const clock = manualClock();
    const store = new ExpiringCredentialStore({ clock: clock.now, retainExpiredMs: 0 });
    for (let index = 0; index < 100; index += 1) store.add(issue(clock, 900));
    clock.advance(901_000);
    store.add(issue(clock, 900));
    expect(store.size).toBe(1);
  });

  it('issues ASIA access key ids of 20 characters and 40-character secrets', () => {
    const credentials = issue(manualClock());
    expect(credentials.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(credentials.secretAccessKey).toMatch(/^[A-Za-z0-9+/]{40}$/);
  });
});
