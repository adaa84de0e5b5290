import { describe, expect, it } from 'vitest';
// The SPA's own configuration reader (infra does not depend on the SPA; read from its folder, as
// apps/local's tests read the end-to-end suite's settings).
import { readWebConfig } from '../../apps/web/src/config/web-config';
import { repoFile, section, shellCommands, shellWords, tableRows } from './support/markdown';
import { template } from './support/template';

// The deploy guide (the root README's "Deploy to AWS", infra/README.md, infra/auth0/README.md)
// against what it describes: the template's parameters, samconfig.toml, the SPA's configuration.
const readme = repoFile('README.md');
const guide = section(readme, '## Deploy to AWS');
const auth0Guide = repoFile('infra/auth0/README.md');
const parameters = template.Parameters ?? {};

/** The parameter table: each parameter's name and its Auth0 cell. */
const parameterTable = tableRows(guide, 'parameter').map(([name = '', auth0 = '']) => ({
  name: /^`(\w+)`$/.exec(name)?.[1] ?? name,
  auth0,
}));

/** The value a table cell gives: its leading code span, or '' when it starts with "empty". */
function tableValue(cell: string): string | undefined {
  if (cell.startsWith('empty')) return '';
  return /^`([^`]*)`/.exec(cell)?.[1];
}

/** The `Name=Value` pairs after `--parameter-overrides`, as SAM reads them (`""` is empty). */
function parameterOverrides(command: string): [string, string][] {
  const words = shellWords(command);
  const start = words.indexOf('--parameter-overrides');
  return words.slice(start + 1).map((word) => {
    const at = word.indexOf('=');
    const value = word.slice(at + 1);
    return [word.slice(0, at), value === '""' ? '' : value];
  });
}

const auth0Command = shellCommands(section(auth0Guide, '## 5. Values for the SAM deployment')).find(
  (command) => command.startsWith('sam deploy') && command.includes('--parameter-overrides'),
);
const auth0Values = parameterOverrides(auth0Command ?? '');

/** What CloudFormation's parameter checks say of a value (Type, AllowedValues, AllowedPattern, bounds). */
function parameterProblems(name: string, value: string): string[] {
  const spec = parameters[name] ?? {};
  const problems: string[] = [];
  const allowed = spec.AllowedValues as string[] | undefined;
  if (allowed && !allowed.includes(value)) problems.push(`not one of ${allowed.join(', ')}`);
  if (spec.Type === 'Number') {
    const number = Number(value);
    if (value === '' || !Number.isFinite(number)) problems.push('not a number');
    if (spec.MinValue !== undefined && number < Number(spec.MinValue))
      problems.push('below MinValue');
    if (spec.MaxValue !== undefined && number > Number(spec.MaxValue))
      problems.push('above MaxValue');
  } else {
    const pattern = spec.AllowedPattern as string | undefined;
    if (pattern && !new RegExp(`^(?:${pattern})$`).test(value)) problems.push(`not ${pattern}`);
    if (spec.MinLength !== undefined && value.length < Number(spec.MinLength)) {
      problems.push('shorter than MinLength');
    }
  }
  return problems;
}

describe("the deploy guide's parameters", () => {
  it("lists every parameter of the template in the README's table, once", () => {
    expect(parameterTable.map(({ name }) => name).sort()).toEqual(Object.keys(parameters).sort());
  });

  it('sets every parameter of the template in the Auth0 command, once', () => {
    const names = auth0Values.map(([name]) => name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(Object.keys(parameters).sort());
  });

  it("gives each parameter in the Auth0 command the value the README's table gives it", () => {
    const given = new Map(auth0Values);
    const expected = parameterTable.flatMap(({ name, auth0 }) => {
      const value = tableValue(auth0);
      return value === undefined ? [] : [[name, value]];
    });
    // Most cells give a value; the others (e.g. the client ids) describe one.
    expect(expected.length).toBeGreaterThanOrEqual(12);
    expect(expected.map(([name]) => [name, given.get(name ?? '')])).toEqual(expected);
  });

  it('gives each parameter in the Auth0 command a value CloudFormation accepts', () => {
    const problems = auth0Values.flatMap(([name, value]) =>
      parameterProblems(name, value).map(
        (problem) => `${name}=${JSON.stringify(value)}: ${problem}`,
      ),
    );
    expect(problems).toEqual([]);
  });

  it('keeps access logs off unless turned on: the account may have no CloudWatch role for API Gateway', () => {
    expect(parameters.EnableAccessLogs?.Default).toBe('false');
    expect(guide).toContain('CloudWatch Logs role ARN must be set in account settings');
    expect(shellCommands(section(guide, '### Access logs')).join('\n')).toMatch(
      /aws apigateway update-account --patch-operations op=replace,path=\/cloudwatchRoleArn,value=/,
    );
  });
});

describe("the deploy guide's commands", () => {
  const documents = {
    'README.md': readme,
    'infra/README.md': repoFile('infra/README.md'),
    'infra/auth0/README.md': auth0Guide,
    'apps/smoke/README.md': repoFile('apps/smoke/README.md'),
  };
  const commands = Object.entries(documents).flatMap(([document, text]) =>
    shellCommands(text).map((command) => ({ document, command })),
  );

  it('deploy the template itself, never a `sam build` copy of it (.aws-sam/build)', () => {
    const deploys = commands.filter(({ command }) => /\bsam deploy\b/.test(command));
    expect(deploys.length).toBeGreaterThanOrEqual(4);
    expect(
      deploys.filter(({ command }) => !command.includes('--template-file infra/template.yaml')),
    ).toEqual([]);
    expect(commands.filter(({ command }) => /\bsam build\b/.test(command))).toEqual([]);
  });

  it('agree with samconfig.toml, which has no build section either', () => {
    const samconfig = repoFile('infra/samconfig.toml');
    expect(samconfig.split('\n').filter((line) => /^\[[^\]]*\bbuild\b/.test(line))).toEqual([]);
    expect(samconfig).toMatch(/^capabilities = "CAPABILITY_IAM"$/m);
  });

  it('empty the SPA bucket before `sam delete` (the stack deletes it), and delete the table the stack keeps', () => {
    const teardown = shellCommands(section(guide, '### Tear down'));
    const at = (pattern: RegExp) => teardown.findIndex((command) => pattern.test(command));
    expect(template.Resources.SpaBucket?.DeletionPolicy).toBeUndefined();
    expect(template.Resources.PetsTable?.DeletionPolicy).toBe('Retain');
    expect(at(/^aws s3 rm "s3:\/\/\$BUCKET" --recursive/)).toBeGreaterThanOrEqual(0);
    expect(at(/^aws s3 rm /)).toBeLessThan(at(/^sam delete /));
    expect(at(/^aws dynamodb delete-table --table-name "\$TABLE"/)).toBeGreaterThan(
      at(/^sam delete /),
    );
  });
});

describe("the deploy guide's SPA build lines", () => {
  // What the stack's outputs and the provider's settings look like, for the placeholders.
  const samples = new Map([
    ['<ApiUrl>', 'https://abc123defg.execute-api.eu-west-1.amazonaws.com/prod'],
    ['<IamApiUrl>', 'https://hij456klmn.execute-api.eu-west-1.amazonaws.com/prod'],
    ['<TokenIssuer>', 'https://YOUR_TENANT.eu.auth0.com/'],
    ['<SpaClientId>', 'YOUR_SPA_CLIENT_ID'],
    ['<Audience>', 'https://api.petstore.example.com'],
    ['<Region>', 'eu-west-1'],
    ['<AdminRoleArn>', 'arn:aws:iam::123456789012:role/petstore-secured-AdminRole-1A2B3C'],
    ['<BuyerRoleArn>', 'arn:aws:iam::123456789012:role/petstore-secured-BuyerRole-4D5E6F'],
  ]);
  const builds = shellCommands(section(guide, '### The SPA'))
    .filter((command) => command.includes('pnpm --filter @petstore/web build'))
    .map((command) =>
      Object.fromEntries(
        shellWords(command).flatMap((word) => {
          const variable = /^(VITE_\w+)=(.*)$/.exec(word);
          if (!variable) return [];
          const value = variable[2] ?? '';
          const sample = samples.get(value);
          if (value.startsWith('<') && sample === undefined) {
            throw new Error(`No sample for the placeholder ${value} of ${variable[1]}`);
          }
          return [[variable[1], sample ?? value]];
        }),
      ),
    );

  it('give the SPA every variable it needs, in token mode and in IAM mode', () => {
    const modes = builds.map((variables) => readWebConfig(variables).mode);
    expect(modes).toEqual(['token', 'iam']);
  });

  it("ask Auth0 for the API's token with its `audience` parameter, in both modes", () => {
    expect(builds.map((variables) => readWebConfig(variables).audienceParameter)).toEqual([
      'audience',
      'audience',
    ]);
    expect(builds.map((variables) => readWebConfig(variables).audience)).toEqual([
      'https://api.petstore.example.com',
      'https://api.petstore.example.com',
    ]);
  });
});
