import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TemplateError } from '../../src/errors';
import { readTemplate } from '../../src/template/read-template';
import { fixtures } from '../support/start-fixture';

const template = join(fixtures, 'recorded-requests', 'endpoint-types.yaml');

describe('EndpointConfiguration (AWS-BEHAVIOR.md Q8)', () => {
  it('Q8: is EDGE when absent (SAM and CloudFormation default), a type as a string or as { Type }', async () => {
    // Act
    const model = await readTemplate(template);

    // Assess
    expect(Object.fromEntries(model.apis.map((api) => [api.logicalId, api.endpointType]))).toEqual({
      DefaultApi: 'EDGE',
      StringApi: 'REGIONAL',
      ObjectApi: 'PRIVATE',
      BadApi: 'EDGE',
    });
  });

  it('Q8: a Type API Gateway does not have is refused at start-up, naming the API', async () => {
    // Act
    const refused = await readTemplate(template, { parameters: { BadType: 'Regional' } }).catch(
      (error: unknown) => error,
    );

    // Assess
    expect(refused).toBeInstanceOf(TemplateError);
    expect((refused as TemplateError).problems.join('\n')).toMatch(
      /Api BadApi\.EndpointConfiguration.*EDGE, REGIONAL, PRIVATE, not "Regional"/,
    );
  });
});
