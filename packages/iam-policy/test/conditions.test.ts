import { describe, expect, it } from 'vitest';
import {
  type ConditionBlock,
  evaluateRequest,
  InvalidPolicyError,
  UnsupportedConditionError,
  UnsupportedPolicyError,
} from '../src/evaluate-request';

// Sources, restated: IAM User Guide pages "IAM JSON policy elements: Condition operators" (CO),
// "IAM JSON policy elements: Condition" (C), "Creating a condition with multiple context keys
// or values" (MV) and "Single-valued vs. multivalued context keys" (SV).

type Context = ReadonlyMap<string, string | readonly string[]>;

/** Whether an Allow statement with this condition allows a request with this context. */
function holds(Condition: ConditionBlock, entries: Record<string, string | string[]> = {}) {
  const context: Context = new Map(Object.entries(entries));
  const decision = evaluateRequest(
    [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'x:Do', Condition }] }],
    { action: 'x:Do', context },
  );
  return decision === 'allow';
}

describe('string operators (CO)', () => {
  it('StringEquals is exact and case-sensitive', () => {
    expect(holds({ StringEquals: { 'aws:username': 'john' } }, { 'aws:username': 'john' })).toBe(
      true,
    );
    expect(holds({ StringEquals: { 'aws:username': 'john' } }, { 'aws:username': 'John' })).toBe(
      false,
    );
  });

  it('StringNotEquals holds when the value differs', () => {
    const condition = { StringNotEquals: { 'aws:username': 'john' } };
    expect(holds(condition, { 'aws:username': 'mary' })).toBe(true);
    expect(holds(condition, { 'aws:username': 'john' })).toBe(false);
  });

  it('StringEqualsIgnoreCase and StringNotEqualsIgnoreCase ignore case', () => {
    expect(
      holds({ StringEqualsIgnoreCase: { 'aws:username': 'john' } }, { 'aws:username': 'JoHn' }),
    ).toBe(true);
    expect(
      holds({ StringNotEqualsIgnoreCase: { 'aws:username': 'john' } }, { 'aws:username': 'JOHN' }),
    ).toBe(false);
    expect(
      holds({ StringNotEqualsIgnoreCase: { 'aws:username': 'john' } }, { 'aws:username': 'jon' }),
    ).toBe(true);
  });

  it('StringLike: `*` any run, `?` one character, the whole value, case-sensitive', () => {
    const condition = { StringLike: { 'idp:sub': 'database|?d*' } };
    expect(holds(condition, { 'idp:sub': 'database|ada' })).toBe(true);
    expect(holds(condition, { 'idp:sub': 'database|a' })).toBe(false);
    expect(holds(condition, { 'idp:sub': 'Database|ada' })).toBe(false);
    expect(holds(condition, { 'idp:sub': 'x-database|ada' })).toBe(false);
  });

  it('StringNotLike holds when no pattern matches', () => {
    const condition = { StringNotLike: { 'idp:sub': ['social|*', 'oauth|*'] } };
    expect(holds(condition, { 'idp:sub': 'database|ada' })).toBe(true);
    expect(holds(condition, { 'idp:sub': 'oauth|bob' })).toBe(false);
  });
});

describe('a key absent from the request (CO)', () => {
  it('fails a positive operator and satisfies a negated one', () => {
    expect(holds({ StringEquals: { 'aws:RequestTag/PetRole': 'admin' } })).toBe(false);
    expect(holds({ StringLike: { 'aws:RequestTag/PetRole': '*' } })).toBe(false);
    expect(holds({ StringNotEquals: { 'aws:RequestTag/PetRole': 'admin' } })).toBe(true);
    expect(holds({ StringNotLike: { 'aws:RequestTag/PetRole': '*' } })).toBe(true);
  });

  it('IfExists: true when the key is absent, the operator itself when present', () => {
    const condition = { StringEqualsIfExists: { 'aws:RequestTag/PetRole': 'admin' } };
    expect(holds(condition)).toBe(true);
    expect(holds(condition, { 'aws:RequestTag/PetRole': 'admin' })).toBe(true);
    expect(holds(condition, { 'aws:RequestTag/PetRole': 'buyer' })).toBe(false);
  });

  it('Null "true" holds when the key is absent, "false" when it is present', () => {
    expect(holds({ Null: { 'aws:TokenIssueTime': 'true' } })).toBe(true);
    expect(holds({ Null: { 'aws:TokenIssueTime': 'true' } }, { 'aws:TokenIssueTime': 't' })).toBe(
      false,
    );
    expect(holds({ Null: { 'aws:TokenIssueTime': false } }, { 'aws:TokenIssueTime': 't' })).toBe(
      true,
    );
    expect(holds({ Null: { 'aws:TokenIssueTime': 'false' } })).toBe(false);
  });
});

describe('Bool (CO)', () => {
  it('compares true/false, and a JSON boolean stands for its text', () => {
    expect(
      holds({ Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': 'true' }),
    ).toBe(true);
    expect(
      holds({ Bool: { 'aws:SecureTransport': true } }, { 'aws:SecureTransport': 'false' }),
    ).toBe(false);
    expect(holds({ BoolIfExists: { 'aws:SecureTransport': 'false' } })).toBe(true);
  });

  it('a value other than true or false is a policy error', () => {
    expect(() => holds({ Bool: { 'aws:SecureTransport': 'yes' } })).toThrow(InvalidPolicyError);
  });
});

describe('ARN operators (CO)', () => {
  const role = 'arn:aws:iam::123456789012:role/petstore/admin';

  it('ArnLike matches each of the six parts separately: `*` does not cross `:`', () => {
    expect(
      holds(
        { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/*' } },
        { 'aws:PrincipalArn': role },
      ),
    ).toBe(true);
    expect(
      holds({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:*' } }, { 'aws:PrincipalArn': role }),
    ).toBe(false);
    expect(
      holds(
        { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:user/*' } },
        { 'aws:PrincipalArn': role },
      ),
    ).toBe(true);
  });
});

describe('several values OR, several keys and operators AND (MV)', () => {
  it('any one of a key’s values is enough', () => {
    const condition = { StringEquals: { 'aws:RequestTag/PetRole': ['admin', 'buyer'] } };
    expect(holds(condition, { 'aws:RequestTag/PetRole': 'buyer' })).toBe(true);
    expect(holds(condition, { 'aws:RequestTag/PetRole': 'guest' })).toBe(false);
  });

  it('every key and every operator must hold', () => {
    const condition = {
      StringEquals: { '127.0.0.1:9000:aud': 'spa', 'aws:RequestTag/PetRole': 'admin' },
      StringLike: { '127.0.0.1:9000:sub': 'database|*' },
    };
    const all = {
      '127.0.0.1:9000:aud': 'spa',
      'aws:RequestTag/PetRole': 'admin',
      '127.0.0.1:9000:sub': 'database|ada',
    };
    expect(holds(condition, all)).toBe(true);
    expect(holds(condition, { ...all, '127.0.0.1:9000:aud': 'other' })).toBe(false);
    expect(holds(condition, { ...all, '127.0.0.1:9000:sub': 'social|bob' })).toBe(false);
  });
});

describe('context key names are case-insensitive, values follow the operator (C)', () => {
  it('a tag key in another case is the same key', () => {
    expect(
      holds(
        { StringEquals: { 'aws:PrincipalTag/PetRole': 'admin' } },
        { 'AWS:principaltag/petrole': 'admin' },
      ),
    ).toBe(true);
  });

  it('issuer-prefixed keys keep their slash: `tenant.auth0.com/:sub`', () => {
    const condition = { StringEquals: { 'tenant.auth0.com/:sub': 'auth0|42' } };
    expect(holds(condition, { 'tenant.auth0.com/:sub': 'auth0|42' })).toBe(true);
    expect(holds(condition, { 'tenant.auth0.com:sub': 'auth0|42' })).toBe(false);
  });

  it('two context keys differing only in case are refused', () => {
    expect(() => holds({}, { 'aws:TagKeys': 'a', 'AWS:TagKeys': 'b' })).toThrow(TypeError);
  });
});

describe('multivalued keys: ForAllValues and ForAnyValue (SV)', () => {
  it('ForAllValues: every request value must match some policy value', () => {
    const condition = { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['PetRole', 'Team'] } };
    expect(holds(condition, { 'aws:TagKeys': ['PetRole'] })).toBe(true);
    expect(holds(condition, { 'aws:TagKeys': ['PetRole', 'Team'] })).toBe(true);
    expect(holds(condition, { 'aws:TagKeys': ['PetRole', 'Admin'] })).toBe(false);
  });

  it('ForAllValues also holds when the key is absent or empty', () => {
    const condition = { 'ForAllValues:StringEquals': { 'aws:TagKeys': 'PetRole' } };
    expect(holds(condition)).toBe(true);
    expect(holds(condition, { 'aws:TagKeys': [] })).toBe(true);
  });

  it('ForAnyValue: at least one request value must match; never when absent', () => {
    const condition = { 'ForAnyValue:StringLike': { 'aws:TagKeys': 'Pet*' } };
    expect(holds(condition, { 'aws:TagKeys': ['Team', 'PetRole'] })).toBe(true);
    expect(holds(condition, { 'aws:TagKeys': ['Team'] })).toBe(false);
    expect(holds(condition)).toBe(false);
  });

  it('negated operators apply to each request value', () => {
    const allNot = { 'ForAllValues:StringNotEquals': { 'aws:TagKeys': 'Admin' } };
    expect(holds(allNot, { 'aws:TagKeys': ['PetRole', 'Team'] })).toBe(true);
    expect(holds(allNot, { 'aws:TagKeys': ['PetRole', 'Admin'] })).toBe(false);
    const anyNot = { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': 'Admin' } };
    expect(holds(anyNot, { 'aws:TagKeys': ['PetRole', 'Admin'] })).toBe(true);
    expect(holds(anyNot, { 'aws:TagKeys': ['Admin'] })).toBe(false);
  });

  it('without a set operator, a multivalued key holds when any value matches (negated: none)', () => {
    // Our choice: IAM says multivalued keys need a set operator and does not say what happens
    // without one.
    expect(
      holds({ StringEquals: { 'aws:TagKeys': 'PetRole' } }, { 'aws:TagKeys': ['Team', 'PetRole'] }),
    ).toBe(true);
    expect(
      holds(
        { StringNotEquals: { 'aws:TagKeys': 'PetRole' } },
        { 'aws:TagKeys': ['Team', 'PetRole'] },
      ),
    ).toBe(false);
  });
});

describe('what is not implemented is an error, never a silent true or false', () => {
  it('an unknown operator names itself, whatever the request', () => {
    for (const operator of [
      'NumericLessThan',
      'DateGreaterThan',
      'IpAddress',
      'stringequals',
      'ForSomeValues:StringEquals',
      'NullIfExists',
    ]) {
      const attempt = () => holds({ [operator]: { 'aws:CurrentTime': '1' } });
      expect(attempt).toThrow(UnsupportedConditionError);
      expect(attempt).toThrow(JSON.stringify(operator));
    }
  });

  it('an unknown operator in a statement about another action still throws', () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow' as const, Action: 'x:Do' },
        { Effect: 'Deny' as const, Action: 'y:Other', Condition: { NumericEquals: { k: 1 } } },
      ],
    };
    expect(() => evaluateRequest([policy], { action: 'x:Do', context: new Map() })).toThrow(
      UnsupportedConditionError,
    );
  });

  it('policy variables are refused rather than compared literally', () => {
    const variable = ['$', '{aws:username}'].join('');
    expect(() => holds({ StringEquals: { 'aws:username': variable } })).toThrow(
      UnsupportedPolicyError,
    );
  });
});
