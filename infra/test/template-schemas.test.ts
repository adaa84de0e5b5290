import { readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { checkCloudFormationResource } from './support/cfn-resource-spec';
import { template } from './support/template';

const samSchema = JSON.parse(
  readFileSync(new URL('../schemas/sam.schema.json', import.meta.url), 'utf8'),
);
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addSchema(samSchema, 'sam');

const definitionOf = (type: string) =>
  `sam#/definitions/samtranslator__internal__schema_source__${type.replace('AWS::Serverless::', 'aws_serverless_').toLowerCase()}__Resource`;

const resources = Object.entries(template.Resources);
const sam = resources.filter(([, resource]) => resource.Type.startsWith('AWS::Serverless::'));
const plain = resources.filter(([, resource]) => !resource.Type.startsWith('AWS::Serverless::'));

describe("the template against AWS's published schemas", () => {
  it('has SAM and plain CloudFormation resources to check', () => {
    expect(sam.length).toBeGreaterThanOrEqual(8);
    expect(plain.length).toBeGreaterThanOrEqual(6);
  });

  it.each(sam)('%s matches the SAM schema', (_id, resource) => {
    const validate = ajv.getSchema(definitionOf(resource.Type));
    expect(validate, `no SAM schema for ${resource.Type}`).toBeDefined();
    const valid = validate?.(resource);
    expect(
      valid ? [] : validate?.errors?.map((error) => `${error.instancePath} ${error.message}`),
    ).toEqual([]);
  });

  it('Globals match the SAM schema', () => {
    const validate = ajv.getSchema('sam#/definitions/__main____Globals');
    const valid = validate?.(template.Globals);
    expect(valid ? [] : validate?.errors).toEqual([]);
  });

  it.each(plain)('%s matches the CloudFormation resource specification', async (_id, resource) => {
    expect(await checkCloudFormationResource(resource.Type, resource.Properties)).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('catch a misspelt, a missing and a mistyped property', async () => {
    const problems = await checkCloudFormationResource('AWS::DynamoDB::Table', {
      KeySchema: [{ AttributeName: 'id' }],
      BillingMod: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: 'maybe' },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'AWS::DynamoDB::Table.KeySchema[0].KeyType: required',
        'AWS::DynamoDB::Table.BillingMod: not a property of this type',
        'AWS::DynamoDB::Table.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled: expected a boolean',
      ]),
    );
  });

  it("catch a usage plan SAM would not translate (PartnerApi's, misspelt or with an unknown mode)", () => {
    const validate = ajv.getSchema(definitionOf('AWS::Serverless::Api'));
    const partner = template.Resources.PartnerApi;
    const auth = partner?.Properties?.Auth as { UsagePlan: Record<string, unknown> };
    const withPlan = (plan: Record<string, unknown>) => ({
      ...partner,
      Properties: { ...partner?.Properties, Auth: { ...auth, UsagePlan: plan } },
    });
    const { Throttle, ...withoutThrottle } = auth.UsagePlan;
    expect(validate?.(withPlan(auth.UsagePlan))).toBe(true);
    expect(validate?.(withPlan({ ...withoutThrottle, Throtle: Throttle }))).toBe(false);
    expect(validate?.(withPlan({ ...auth.UsagePlan, CreateUsagePlan: 'EVERYWHERE' }))).toBe(false);
  });

  it('catch a SAM property that does not exist', () => {
    const validate = ajv.getSchema(definitionOf('AWS::Serverless::Function'));
    expect(
      validate?.({ Type: 'AWS::Serverless::Function', Properties: { Handlr: 'index.handler' } }),
    ).toBe(false);
  });
});
