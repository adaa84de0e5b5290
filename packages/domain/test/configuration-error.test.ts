import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ConfigurationError, configurationProblems } from '../src/configuration-error';

describe('ConfigurationError, the one error of a wrong environment', () => {
  it('has a stable code and a message naming each variable with what is wrong', () => {
    // Act
    const error = new ConfigurationError('API', [
      { variable: 'TABLE_NAME', message: 'required' },
      { variable: 'AWS_REGION', message: 'too short' },
    ]);
    // Assess
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ConfigurationError');
    expect(error.code).toBe('INVALID_CONFIGURATION');
    expect(error.message).toBe(
      'Invalid API configuration: TABLE_NAME: required; AWS_REGION: too short',
    );
    expect(error.variables).toEqual(['TABLE_NAME', 'AWS_REGION']);
  });

  it('keeps the cause it is given', () => {
    const cause = new Error('ENOENT');
    const error = new ConfigurationError('authorizer', [{ variable: 'JWKS_FILE', message: 'x' }], {
      cause,
    });
    expect(error.cause).toBe(cause);
  });

  it('takes the variable of a zod issue from the first path segment', () => {
    // Prepare
    const result = z
      .object({ TABLE_NAME: z.string(), LIMIT: z.string().regex(/^\d+$/) })
      .safeParse({ LIMIT: 'many' });
    if (result.success) throw new Error('the environment was accepted');
    // Act
    const problems = configurationProblems(result.error.issues);
    // Assess
    expect(problems.map((problem) => problem.variable)).toEqual(['TABLE_NAME', 'LIMIT']);
  });
});
