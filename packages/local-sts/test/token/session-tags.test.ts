import { describe, expect, it } from 'vitest';
import { StsError } from '../../src/protocol/sts-error';
import { readSessionTags } from '../../src/token/session-tags';

const claim = 'https://aws.amazon.com/tags';
const read = (value: unknown) => readSessionTags({ [claim]: value });

function refusal(value: unknown): StsError {
  try {
    read(value);
  } catch (error) {
    if (error instanceof StsError) return error;
    throw error;
  }
  throw new Error('the claim was accepted');
}

describe('readSessionTags', () => {
  it('reads principal_tags (one value per key, in a list) and transitive_tag_keys', () => {
    const tags = read({
      principal_tags: { PetRole: ['admin'], Team: ['pets'] },
      transitive_tag_keys: ['PetRole'],
    });
    expect(tags?.tags).toEqual(
      new Map([
        ['PetRole', 'admin'],
        ['Team', 'pets'],
      ]),
    );
    expect(tags?.transitiveKeys).toEqual(['PetRole']);
  });

  it('answers undefined when the token has no tags claim', () => {
    expect(readSessionTags({ sub: 'x' })).toBeUndefined();
  });

  it('accepts 50 tags, keys of 128 and values of 256 characters', () => {
    const principal_tags = Object.fromEntries(
      Array.from({ length: 50 }, (_, index) => [`k${index}`.padEnd(128, 'k'), ['v'.repeat(256)]]),
    );
    expect(read({ principal_tags })?.tags.size).toBe(50);
  });

  it('refuses 51 tags', () => {
    const principal_tags = Object.fromEntries(
      Array.from({ length: 51 }, (_, index) => [`k${index}`, ['v']]),
    );
    expect(refusal({ principal_tags }).detail).toContain('51 tags, at most 50');
  });

  it('refuses a key over 128 characters and a value over 256', () => {
    expect(refusal({ principal_tags: { ['k'.repeat(129)]: ['v'] } }).code).toBe(
      'InvalidIdentityToken',
    );
    expect(refusal({ principal_tags: { k: ['v'.repeat(257)] } }).code).toBe('InvalidIdentityToken');
  });

  it('refuses a value that is not a list of exactly one string', () => {
    for (const value of ['admin', [], ['a', 'b'], [1], null]) {
      const error = refusal({ principal_tags: { PetRole: value } });
      expect(error.code).toBe('InvalidIdentityToken');
      expect(error.message).toBe(
        'The session tags claim (https://aws.amazon.com/tags) of the web identity token is malformed.',
      );
    }
  });

  it('refuses keys with characters IAM does not allow in tag keys', () => {
    expect(refusal({ principal_tags: { 'Pet*Role': ['admin'] } }).detail).toContain(
      'is not allowed',
    );
  });

  it('refuses a claim that is not an object, a missing principal_tags and unknown members', () => {
    expect(refusal('PetRole=admin').detail).toContain('not an object');
    expect(refusal({}).detail).toContain('principal_tags is not an object');
    expect(refusal({ principal_tags: {}, extra: 1 }).detail).toContain('unknown member "extra"');
  });

  it('refuses two keys that differ only in case (STS recorded message, InvalidParameterValue)', () => {
    // Recorded from STS for AssumeRole's tags (LocalStack snapshot test_assume_role_tag_validation).
    const error = refusal({ principal_tags: { PetRole: ['admin'], petrole: ['buyer'] } });
    expect(error.code).toBe('InvalidParameterValue');
    expect(error.message).toBe(
      'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
    );
  });

  it('refuses a transitive key that is not a tag (STS recorded message, InvalidParameterValue)', () => {
    // Recorded from STS for AssumeRole's tags (LocalStack snapshot test_assume_role_tag_validation).
    const error = refusal({
      principal_tags: { PetRole: ['admin'] },
      transitive_tag_keys: ['Team'],
    });
    expect(error.code).toBe('InvalidParameterValue');
    expect(error.message).toBe(
      'The specified transitive tag key must be included in the requested tags.',
    );
    expect(
      refusal({ principal_tags: { PetRole: ['admin'] }, transitive_tag_keys: 'PetRole' }).code,
    ).toBe('InvalidIdentityToken');
  });
});
