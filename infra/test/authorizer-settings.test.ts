import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { resolveHandler } from '@petstore/gateway/resolve-handler';
import { readTemplate } from '@petstore/gateway/template';
import { describe, expect, it } from 'vitest';
import { sampleParameters, template, templatePath } from './support/template';

// The authorizer's template parameters against the authorizer itself: every value the template
// lets through must start the authorizer, and the bounds must be the authorizer's (its cold
// start refuses the values just outside them). Needs the authorizer built (turbo does it).

interface ParameterSpec {
  Type: string;
  Default?: string;
  MinValue?: number;
  MaxValue?: number;
  AllowedPattern?: string;
}
const parameter = (name: string) => template.Parameters?.[name] as ParameterSpec | undefined;
const model = await readTemplate(templatePath, { parameters: sampleParameters, api: 'PetsApi' });
const authorizer = model.functions.get('AuthorizerFunction');

/**
 * Cold-starts the authorizer bundle once per environment, in one Node.js process (each import
 * has its own query string, so the module and its configuration are evaluated again), and says
 * for each whether it started or which ConfigurationError it gave.
 */
async function coldStarts(variables: Record<string, string>[]): Promise<string[]> {
  const { file } = resolveHandler(authorizer?.codeDir ?? '', authorizer?.handler ?? '');
  if (!file) throw new Error(`no file for the authorizer's Handler in ${authorizer?.codeDir}`);
  const bundle = pathToFileURL(file).href;
  const script = `
    const results = [];
    for (const [index, variables] of JSON.parse(process.argv[1]).entries()) {
      Object.assign(process.env, variables);
      try {
        await import(${JSON.stringify(bundle)} + '?start=' + index);
        results.push('started');
      } catch (error) {
        results.push(error.message);
      }
    }
    process.stdout.write(JSON.stringify(results));`;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', script, JSON.stringify(variables)],
    { env: { PATH: process.env.PATH ?? '', ...authorizer?.environment, LOG_LEVEL: 'SILENT' } },
  );
  return JSON.parse(stdout) as string[];
}

describe('the authorizer’s parameters', () => {
  it('pass MaxTokenLifetimeSeconds and AllowedClientIds (else the SPA client) to the token API authorizer', async () => {
    const variables = template.Resources.AuthorizerFunction?.Properties?.Environment as {
      Variables: Record<string, unknown>;
    };
    expect(variables.Variables).toMatchObject({
      MAX_TOKEN_LIFETIME_SECONDS: { Ref: 'MaxTokenLifetimeSeconds' },
      ALLOWED_CLIENT_IDS: {
        'Fn::If': ['HasAllowedClientIds', { Ref: 'AllowedClientIds' }, { Ref: 'SpaClientId' }],
      },
    });
    // Empty AllowedClientIds: the SPA's users only (machine clients use the partner API).
    expect(authorizer?.environment).toMatchObject({
      MAX_TOKEN_LIFETIME_SECONDS: '86400',
      ALLOWED_CLIENT_IDS: sampleParameters.SpaClientId,
    });
    const chosen = await readTemplate(templatePath, {
      parameters: { ...sampleParameters, AllowedClientIds: 'spa-client-id,mobile-app' },
      api: 'PetsApi',
    });
    expect(chosen.functions.get('AuthorizerFunction')?.environment.ALLOWED_CLIENT_IDS).toBe(
      'spa-client-id,mobile-app',
    );
  });

  it("pass PartnerClientIds to the partner API's authorizer (empty: any client, each with the key)", async () => {
    const partner = await readTemplate(templatePath, {
      parameters: { ...sampleParameters, PartnerClientIds: 'stock-sync' },
    });
    expect(parameter('PartnerClientIds')).toMatchObject({
      Default: '',
      AllowedPattern: parameter('AllowedClientIds')?.AllowedPattern,
    });
    expect(partner.functions.get('PartnerAuthorizerFunction')?.environment.ALLOWED_CLIENT_IDS).toBe(
      'stock-sync',
    );
  });

  it('MaxTokenLifetimeSeconds: 24 h by default; its bounds are the authorizer’s', async () => {
    // Prepare
    const spec = parameter('MaxTokenLifetimeSeconds');
    expect(spec).toMatchObject({ Type: 'Number', Default: '86400' });
    const { MinValue = Number.NaN, MaxValue = Number.NaN } = spec ?? {};
    const values = [MinValue, MaxValue, MinValue - 1, MaxValue + 1];
    // Act
    const results = await coldStarts(
      values.map((value) => ({ MAX_TOKEN_LIFETIME_SECONDS: String(value) })),
    );
    // Assess
    expect(results.slice(0, 2)).toEqual(['started', 'started']);
    for (const result of results.slice(2)) {
      expect(result).toMatch(/^Invalid authorizer configuration: MAX_TOKEN_LIFETIME_SECONDS: /);
    }
  });

  it('AllowedClientIds: empty by default (any client); what its pattern admits, the authorizer takes', async () => {
    // Prepare
    const spec = parameter('AllowedClientIds');
    expect(spec).toMatchObject({ Type: 'String', Default: '' });
    const pattern = new RegExp(spec?.AllowedPattern ?? '$^');
    const admitted = ['', 'petstore-spa', 'aBc123XyZ,stock-sync', 'spa, m2m', 'a|b@clients'];
    const refused = ['spa,', ',spa', 'my app', 'spa,,m2m', ' spa'];
    // Act
    const results = await coldStarts(admitted.map((value) => ({ ALLOWED_CLIENT_IDS: value })));
    // Assess
    for (const value of admitted) expect(pattern.test(value), value).toBe(true);
    for (const value of refused) expect(pattern.test(value), value).toBe(false);
    expect(results).toEqual(admitted.map(() => 'started'));
  });
});
