import { describe, expect, it } from 'vitest';
import { buildFailureText } from '../src/stack/build-failure';

// What `turbo run build --output-logs=errors-only` prints when a handler does not compile
// (Turborepo 2, pnpm 10, the functions' build scripts of @petstore/lambda-bundle).
const output = `
   • turbo 2.11.11
   • Packages in scope: @petstore/api, @petstore/authorizer
   • Running build in 2 packages

@petstore/api:build: cache miss, executing ccf569bc31d7ac71
@petstore/api:build: 
@petstore/api:build: > @petstore/api@0.0.0 build /repo/apps/api
@petstore/api:build: > tsx scripts/build.ts
@petstore/api:build: 
@petstore/api:build: ✘ [ERROR] Unexpected ";"
@petstore/api:build: 
@petstore/api:build:     src/handlers/get-me.ts:21:22:
@petstore/api:build:       21 │ export const broken = ;
@petstore/api:build:          ╵                       ^
@petstore/api:build: 
@petstore/api:build: Bundling failed: 1 error (above).
@petstore/api:build:  ELIFECYCLE  Command failed with exit code 1.
@petstore/api#build:  ERROR  command (/repo/apps/api) /usr/bin/pnpm run build exited (1)

 Tasks:    1 successful, 2 total
Cached:    1 cached, 2 total
  Time:    1.573s 
Failed:    @petstore/api#build

 ERROR  run failed: command  exited (1)
`;

describe('buildFailureText', () => {
  it("keeps the failed package's errors, with their file and code frame, and drops Turborepo's and pnpm's lines", () => {
    expect(buildFailureText(output)).toBe(
      [
        '@petstore/api:',
        '  ✘ [ERROR] Unexpected ";"',
        '',
        '      src/handlers/get-me.ts:21:22:',
        '        21 │ export const broken = ;',
        '           ╵                       ^',
        '',
        '  Bundling failed: 1 error (above).',
      ].join('\n'),
    );
  });

  it("gives Turborepo's whole output when no task printed anything (Turborepo itself failed)", () => {
    expect(buildFailureText('\n x Missing turbo.json\n')).toBe('x Missing turbo.json');
  });
});
