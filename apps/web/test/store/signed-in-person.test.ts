import { describe, expect, it } from 'vitest';
import { signedInPerson } from '../../src/store/signed-in-person';
import { people } from '../support/signed-in-app';

const profile = { sub: 'amazon-demo|bea', name: 'Bea from the ID token' };
// GET /me on the IAM API: the caller is a session of the buyer role.
const iamMe = {
  subject: 'arn:aws:sts::123456789012:assumed-role/BuyerRole/amazon-demo=7Cbea',
  name: 'amazon-demo=7Cbea',
  permissions: [...people.buyer.permissions],
};

describe('signedInPerson', () => {
  it('token mode: the person as the API reports them, the ID token name until it has answered', () => {
    // Act / Assess
    expect(signedInPerson('token', people.buyer, profile)).toEqual({
      name: 'Bea Buyer',
      subject: 'amazon-demo|bea',
    });
    expect(signedInPerson('token', undefined, profile)).toEqual({
      name: 'Bea from the ID token',
      subject: undefined,
    });
  });

  it('IAM mode: the person of the ID token, not the role session the API reports', () => {
    // Act / Assess
    expect(signedInPerson('iam', iamMe, profile)).toEqual({
      name: 'Bea from the ID token',
      subject: 'amazon-demo|bea',
    });
    expect(signedInPerson('iam', iamMe, { sub: 'amazon-demo|bea' }).name).toBe('amazon-demo=7Cbea');
  });
});
