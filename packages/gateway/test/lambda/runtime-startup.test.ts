import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TemplateError } from '../../src/errors';
import { readTemplate } from '../../src/template/read-template';
import { fixtures, startFixture } from '../support/start-fixture';

// What Lambda refuses at deploy, refused at start-up with Lambda's own words: AWS-BEHAVIOR.md
// F4 (reserved environment variables) and F12 (runtimes).

const template = (name: string) => join(fixtures, 'runtime', name);

async function problemsOf(path: string): Promise<readonly string[]> {
  try {
    await readTemplate(path);
  } catch (error) {
    if (error instanceof TemplateError) return error.problems;
    throw error;
  }
  throw new Error('the template was accepted');
}

describe('reserved environment variables (F4)', () => {
  it('F4: refuses a template that sets reserved keys, naming them in Lambda’s message, and accepts the unreserved ones', async () => {
    // Act
    const problems = await problemsOf(template('reserved-keys.yaml'));

    // Assess: the message users captured from CloudFormation (mattermost/mattermost-cloud-monitoring#264,
    // neverendingqs/serverless-dotenv-plugin#28); LANG, NODE_OPTIONS and PATH are not reserved
    // (Lambda guide "Defined runtime environment variables").
    expect(problems).toEqual([
      'Function Reserving.Environment: Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: AWS_REGION, AWS_ACCESS_KEY_ID, _HANDLER',
    ]);
  });

  it('F1, F4: lets the template set TZ (not reserved)', async () => {
    // Act
    const model = await readTemplate(template('tokyo.yaml'));

    // Assess
    expect(model.functions.get('Tokyo')?.environment).toEqual({ TZ: 'Asia/Tokyo' });
  });

  it('F4: local overrides may set any variable, reserved ones included (they are never deployed)', async () => {
    // Prepare
    const fixture = await startFixture('runtime', {
      environment: { Introspect22: { AWS_REGION: 'eu-west-1' } },
    });

    // Act
    const seen = (await (await fixture.call('/introspect/22')).json()) as {
      env: Record<string, string>;
    };
    await fixture.close();

    // Assess
    expect(seen.env.AWS_REGION).toBe('eu-west-1');
  });
});

describe('runtimes (F12)', () => {
  it('F12: refuses deprecated, unknown and non-Node.js runtimes, each with the Lambda API’s message or why it cannot run here', async () => {
    // Act
    const problems = await problemsOf(template('runtimes.yaml'));

    // Assess: LocalStack tests/aws/services/lambda_/test_lambda_api.py::TestRuntimeValidation::
    // test_create_deprecated_function_runtime_with_validation_enabled[nodejs14.x] and
    // ::TestLambdaFunction::test_create_lambda_exceptions (snapshots recorded against AWS)
    expect(problems).toHaveLength(3);
    expect(problems[0]).toBe(
      'Function Deprecated.Runtime: The runtime parameter of nodejs14.x is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions.',
    );
    expect(problems[1]).toMatch(
      /^Function Unknown\.Runtime: Value nodejs99\.x at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: \[nodejs20\.x, python3\.14, .*, java8\.al2\] or be a valid ARN$/,
    );
    expect(problems[2]).toBe(
      'Function Python.Runtime: "python3.12" is not supported locally: only the Node.js runtimes (nodejs16.x, nodejs18.x, nodejs20.x, nodejs22.x, nodejs24.x) run here',
    );
  });
});
