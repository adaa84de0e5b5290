import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TemplateError } from '../../src/errors';
import { startGateway } from '../../src/start-gateway';
import { readTemplate } from '../../src/template/read-template';
import { fixtures } from '../support/start-fixture';

const fixture = (name: string) => join(fixtures, 'request-authorizer', name);

describe('SAM REQUEST authorizers in the template (AWS-BEHAVIOR.md R1)', () => {
  it('R1: reads each Identity list as identity sources, in the order SAM writes identitySource', async () => {
    // Act
    const model = await readTemplate(fixture('template.yaml'));

    // Assess
    const api = model.apis[0];
    // SAM developer guide, LambdaRequestAuthorizationIdentity: Headers, QueryStrings,
    // StageVariables and Context become method.request.header.X, method.request.querystring.X,
    // stageVariables.X and context.X; ReauthorizeEvery defaults to 300.
    expect(api?.authorizers.get('TenantAuthorizer')).toEqual({
      type: 'REQUEST',
      name: 'TenantAuthorizer',
      functionId: 'AuthorizerFunction',
      ttlSeconds: 300,
      identitySources: [
        {
          location: 'header',
          name: 'X-Api-Token',
          expression: 'method.request.header.X-Api-Token',
        },
        {
          location: 'querystring',
          name: 'tenant',
          expression: 'method.request.querystring.tenant',
        },
        {
          location: 'stageVariables',
          name: 'tenantDirectory',
          expression: 'stageVariables.tenantDirectory',
        },
        { location: 'context', name: 'identity.sourceIp', expression: 'context.identity.sourceIp' },
        {
          location: 'context',
          name: 'identity.userAgent',
          expression: 'context.identity.userAgent',
        },
      ],
    });
    expect(api?.authorizers.get('UndefinedVariableAuthorizer')?.ttlSeconds).toBe(300);
    expect(api?.routes.find((route) => route.path === '/pets')?.authorization).toEqual({
      type: 'REQUEST',
      authorizer: 'TenantAuthorizer',
    });
  });

  it('R1, R4: with ReauthorizeEvery 0 an authorizer may have no identity source at all', async () => {
    // Act
    const model = await readTemplate(fixture('template.yaml'));

    // Assess
    // SAM accepts an empty Identity only with caching off (aws/serverless-application-model
    // issue 1508, pull request 2105); API Gateway's identitySource is optional then.
    expect(model.apis[0]?.authorizers.get('OpenDoorAuthorizer')).toMatchObject({
      type: 'REQUEST',
      ttlSeconds: 0,
      identitySources: [],
    });
  });

  it('R1: refuses identity sources it cannot honour, naming each, rather than serve the routes open', async () => {
    // Act
    const reading = readTemplate(fixture('invalid-identity.yaml'));

    // Assess
    await expect(reading).rejects.toBeInstanceOf(TemplateError);
    const problems = await reading.catch((error: TemplateError) => error.problems);
    const at = 'Api Api.Auth.Authorizers';
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(`^${at}.TokenSyntax.Identity.Header: is not an identity of a REQUEST`),
        ),
        expect.stringMatching(
          new RegExp(`^${at}.TokenSyntax.Identity.ValidationExpression: is not an identity`),
        ),
        `${at}.NotAList.Identity.Headers: must be a list of names`,
        expect.stringMatching(
          new RegExp(`^${at}.Misspelt.Identity.Querystrings: is not an identity`),
        ),
        `${at}.BadNames.Identity.Headers: "X Token" is not a header name`,
        expect.stringMatching(
          new RegExp(
            `^${at}.BadNames.Identity.StageVariables: "tenant-name" is not a stage variable`,
          ),
        ),
        expect.stringMatching(
          new RegExp(
            `^${at}.BadNames.Identity.Context: "identity.clientCert.subjectDN" is not a \\$context variable the local gateway has`,
          ),
        ),
        // SAM's own check (aws/serverless-application-model issue 1508): caching on, no source.
        expect.stringMatching(
          new RegExp(`^${at}.Empty.Identity: a REQUEST authorizer must specify`),
        ),
        `${at}.LowerCase.FunctionPayloadType: "request" is neither TOKEN nor REQUEST`,
        `${at}.NotAMap.Identity: is not a map`,
      ]),
    );
  });

  it('R1: a gateway on such a template does not start', async () => {
    // Act
    const starting = startGateway({ templatePath: fixture('invalid-identity.yaml') });

    // Assess
    await expect(starting).rejects.toBeInstanceOf(TemplateError);
  });
});
