import { describe, expect, it } from 'vitest';
import { parseAssumedRoleArn } from '../../src/http/assumed-role-arn';

describe('parseAssumedRoleArn', () => {
  it('splits an assumed-role ARN into account, role name and session name', () => {
    expect(
      parseAssumedRoleArn('arn:aws:sts::123456789012:assumed-role/BuyerRole/amazon-demo=7Cbea'),
    ).toEqual({
      partition: 'aws',
      accountId: '123456789012',
      roleName: 'BuyerRole',
      sessionName: 'amazon-demo=7Cbea',
    });
  });

  it('reads the other partitions', () => {
    expect(
      parseAssumedRoleArn('arn:aws-us-gov:sts::123456789012:assumed-role/R/s1')?.partition,
    ).toBe('aws-us-gov');
  });

  it.each([
    ['an IAM user', 'arn:aws:iam::123456789012:user/bea'],
    ['a role (not a session of it)', 'arn:aws:iam::123456789012:role/BuyerRole'],
    ['a federated user', 'arn:aws:sts::123456789012:federated-user/bea'],
    ['the root user', 'arn:aws:iam::123456789012:root'],
    ['an extra path segment', 'arn:aws:sts::123456789012:assumed-role/BuyerRole/bea/x'],
    ['a one-character session name', 'arn:aws:sts::123456789012:assumed-role/BuyerRole/b'],
    ['a session name with a bar', 'arn:aws:sts::123456789012:assumed-role/BuyerRole/a|b'],
    ['a short account id', 'arn:aws:sts::12345:assumed-role/BuyerRole/bea'],
    ['text around the ARN', ' arn:aws:sts::123456789012:assumed-role/BuyerRole/bea'],
    ['an empty string', ''],
  ])('gives undefined for %s', (_case, arn) => {
    expect(parseAssumedRoleArn(arn)).toBeUndefined();
  });
});
