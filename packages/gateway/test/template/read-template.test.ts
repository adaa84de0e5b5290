import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TemplateError } from '../../src/errors';
import { readTemplate } from '../../src/template/read-template';
import { fixtures } from '../support/start-fixture';

const invalid = (name: string) => join(fixtures, 'invalid', name);

async function problemsOf(
  path: string,
  parameters: Record<string, string> = {},
): Promise<readonly string[]> {
  try {
    await readTemplate(path, { parameters });
  } catch (error) {
    if (error instanceof TemplateError) return error.problems;
    throw error;
  }
  throw new Error('the template was accepted');
}

describe('readTemplate', () => {
  it('reads the fixture API: stage, routes with their authorizer, CORS preflights, models', async () => {
    // Act
    const model = await readTemplate(join(fixtures, 'petstore', 'template.yaml'));

    // Assess
    expect(model.apis.map((api) => api.logicalId)).toEqual(['PetsApi']);
    const [api] = model.apis;
    const routes = (api?.routes ?? []).map(
      (route) =>
        `${route.method} ${route.path} ${route.authorization.type === 'TOKEN' ? route.authorization.authorizer : route.authorization.type}`,
    );
    expect(api?.stageName).toBe('test');
    expect(routes).toContain('GET /pets/{petId} TokenAuthorizer');
    expect(routes).toContain('GET /public NONE');
    expect(routes).toContain('OPTIONS /pets NONE');
    expect(api?.authorizers.get('TokenAuthorizer')).toMatchObject({
      functionId: 'AuthorizerFunction',
      header: 'Authorization',
      ttlSeconds: 300,
    });
    expect(model.functions.get('EchoFunction')).toMatchObject({
      timeoutSeconds: 7,
      memorySize: 256,
    });
    expect(Object.keys(api?.models ?? {})).toEqual(['NewPet']);
  });

  it('names every unsupported feature that matters in one start-up error', async () => {
    // Act
    const problems = await problemsOf(invalid('unsupported.yaml'), { Required: 'x' });

    // Assess
    const text = problems.join('\n');
    expect(text).toContain('Api Api.DefinitionBody: OpenAPI definitions are not supported');
    // R1: SAM refuses a REQUEST authorizer without identity sources while caching is on.
    expect(text).toContain(
      'Api Api.Auth.Authorizers.Request.Identity: a REQUEST authorizer must specify Identity',
    );
    expect(text).toContain('Cognito user pool authorizers are not emulated');
    expect(text).not.toContain('AWS_IAM');
    expect(text).toContain('uses authorizer Nope, which Api Api.Auth.Authorizers does not define');
    expect(text).toContain('Function Python.Runtime: "python3.12" is not supported');
    // Access control the gateway does not enforce is never dropped: the API is not served.
    expect(text).toContain(
      'Api Api.Auth.ResourcePolicy: resource policies are not emulated: the API would be served to callers AWS refuses, so it is not served',
    );
    expect(text).toContain('Function Python.Events.Get.Auth.ResourcePolicy: resource policies');
  });

  it('refuses a parameter without a Default that the caller does not supply, or one it does not declare', async () => {
    // Act
    const missing = await problemsOf(invalid('unsupported.yaml'));
    const unknown = await problemsOf(invalid('unsupported.yaml'), { Required: 'x', Extra: 'y' });

    // Assess
    expect(missing).toEqual([
      'Parameter Required: has no Default: supply a value (--parameter Name=Value)',
    ]);
    expect(unknown).toContain('Parameter Extra: supplied but not declared in Parameters');
  });

  it('leaves the resources the caller provides locally out of the not-emulated warning, and refuses an id the template lacks', async () => {
    // Act
    const provided = await readTemplate(invalid('warnings.yaml'), { providedResources: ['Queue'] });
    const unknown = await readTemplate(invalid('warnings.yaml'), {
      providedResources: ['Nope'],
    }).then(
      () => [],
      (error: unknown) => (error instanceof TemplateError ? error.problems : [String(error)]),
    );

    // Assess
    expect(provided.warnings.join('\n')).not.toContain('Queue (AWS::SQS::Queue)');
    expect(unknown).toContain('providedResources Nope: is not a resource of the template');
  });

  it('warns about what it serves only in part, and never silently', async () => {
    // Act
    const model = await readTemplate(invalid('warnings.yaml'));

    // Assess
    const text = model.warnings.join('\n');
    expect(text).toContain('Function Echo.Layers: is not emulated locally and is ignored');
    expect(text).toContain(
      'Function Echo.Environment.FROM_OTHER_STACK: Fn::ImportValue (another stack) has no local value',
    );
    // K2: a route that requires a key on a stage no usage plan holds is refused, not served open.
    expect(text).toContain(
      'Api ServerlessRestApi: 1 route(s) require an API key but no usage plan holds stage Prod: every call to them is refused (403), as on AWS',
    );
    expect(text).toContain('Function Echo.Events.Messages: events of type SQS are not emulated');
    expect(text).toContain('Queue (AWS::SQS::Queue)');
    expect(text).toContain('Function Worker: is not served');
    expect(text).toContain('Globals.HttpApi: is not emulated');
    expect(model.functions.has('Worker')).toBe(false);
  });
});
