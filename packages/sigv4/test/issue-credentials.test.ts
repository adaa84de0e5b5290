import { describe, expect, it } from 'vitest';
import { issueCredentials } from '../src/issue-credentials';

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

describe('issueCredentials', () => {
  it('issues ASIA access key ids of 20 characters and 40-character secrets, valid for the duration', () => {
    // Act
    const credentials = issueCredentials(session, 900, 1_000_000);
    // Assess
    expect(credentials.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(credentials.secretAccessKey).toMatch(/^[A-Za-z0-9+/]{40}$/);
    expect(credentials.expiresAt).toBe(1_000_000 + 900_000);
  });

  it('never issues the same access key twice in a row', () => {
    const keys = new Set(
      Array.from({ length: 200 }, () => issueCredentials(session, 900, 0).accessKeyId),
    );
    expect(keys.size).toBe(200);
  });
});
