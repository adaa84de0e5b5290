import {
  buildMethodArn,
  InvalidMethodArnError,
  type MethodArn,
  parseMethodArn,
  stagePrefix,
} from '@petstore/iam-policy/execute-api-arn';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// The gateway builds the methodArn (A1) that the authorizer parses, both with
// `@petstore/iam-policy/execute-api-arn`. Whatever path a caller sends, the authorizer must read
// back exactly the request the gateway saw. A fixed seed in CI (reproducible), random locally.
const seed = process.env.CI ? 20_261_201 : undefined;
const settings = { numRuns: 500, ...(seed === undefined ? {} : { seed }) };

/** A string over `alphabet`, 1 to 12 characters. */
const over = (alphabet: string) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength: 1, maxLength: 12 });
const letters = 'abcdefghijklmnopqrstuvwxyz';
const names = `${letters}${letters.toUpperCase()}0123456789-_.`;

/** API Gateway's part as a real API has it (stages may hold `:`). */
const stages = fc.record({
  partition: fc.constantFrom('aws', 'aws-cn', 'aws-us-gov'),
  region: over(`${letters}0123456789-`),
  account: over('0123456789'),
  apiId: over(names),
  stage: over(`${names}:`),
});
const methods = fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS');
/** The caller's part: any characters, IAM wildcards, slashes and line breaks made likely. */
const paths = fc
  .array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('*', '?', '/', '\n', ':')), {
    maxLength: 8,
  })
  .map((pieces) => `/${pieces.join('')}`);

describe('the methodArn the gateway builds, as the authorizer parses it (A1)', () => {
  it('gives back the stage, method and path for every path, `*` and `?` included', () => {
    fc.assert(
      fc.property(stages, methods, paths, (stage, method, path) => {
        const arn: MethodArn = { ...stage, method, path };
        expect(parseMethodArn(buildMethodArn(arn))).toEqual(arn);
      }),
      settings,
    );
  });

  it('starts with the stage prefix, which holds no wildcard whatever the path', () => {
    fc.assert(
      fc.property(stages, methods, paths, (stage, method, path) => {
        const prefix = stagePrefix(stage);
        expect(buildMethodArn({ ...stage, method, path }).startsWith(prefix)).toBe(true);
        expect(prefix).not.toMatch(/[*?\s]/);
      }),
      settings,
    );
  });

  it('is never built from an API Gateway part the parser would refuse', () => {
    const spoilt = fc
      .tuple(
        stages,
        fc.constantFrom('region', 'account', 'apiId', 'stage'),
        fc.constantFrom('*', '?', '/', ' ', '\n'),
      )
      .map(([stage, key, char]) => ({ ...stage, [key]: `${stage[key]}${char}` }));
    fc.assert(
      fc.property(spoilt, methods, paths, (stage, method, path) => {
        expect(() => buildMethodArn({ ...stage, method, path })).toThrow(InvalidMethodArnError);
      }),
      settings,
    );
  });
});
