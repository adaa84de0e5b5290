import { describe, expect, it } from 'vitest';
import { readSmokeInputs, secretsOf } from '../src/smoke-inputs';
import { runSmokeCommand } from './support/run-smoke';

const api = 'https://abc123defg.execute-api.eu-west-1.amazonaws.com/prod';
const origin = 'https://d111111abcdef8.cloudfront.net';
const users = { SMOKE_ADMIN_TOKEN: 'admin.token.value', SMOKE_BUYER_TOKEN: 'buyer.token.value' };
const machine = {
  issuer: 'https://tenant.eu.auth0.com/',
  'client-id': 'm2m-client',
  audience: 'https://api.petstore.example',
};

const mistakeOf = (result: ReturnType<typeof readSmokeInputs>) =>
  result.kind === 'mistake' ? result.message : `inputs: ${JSON.stringify(result.inputs)}`;

describe('the smoke check reads its inputs', () => {
  it('from the token API, the SPA origin and two users, trailing slashes and pasted newlines trimmed', () => {
    const result = readSmokeInputs(
      { api: `${api}/`, origin: `${origin}/` },
      { SMOKE_ADMIN_TOKEN: 'admin.token.value\n', SMOKE_BUYER_TOKEN: ' buyer.token.value' },
    );
    expect(result).toEqual({
      kind: 'inputs',
      inputs: {
        api,
        origin,
        iamApi: undefined,
        partner: undefined,
        machine: undefined,
        tokens: { admin: 'admin.token.value', buyer: 'buyer.token.value', otherBuyer: undefined },
        readOnly: false,
      },
    });
  });

  it('with the machine client and the partner API, the issuer kept exactly as given', () => {
    const result = readSmokeInputs(
      {
        api,
        origin,
        'partner-api': 'https://partner1.execute-api.eu-west-1.amazonaws.com/prod',
        ...machine,
        'audience-parameter': 'audience',
        'client-auth': 'post',
      },
      { ...users, SMOKE_CLIENT_SECRET: 'client-secret-value', SMOKE_API_KEY: 'api-key-value' },
    );
    expect(result.kind === 'inputs' && result.inputs.machine).toEqual({
      issuer: 'https://tenant.eu.auth0.com/',
      clientId: 'm2m-client',
      clientSecret: 'client-secret-value',
      audience: 'https://api.petstore.example',
      audienceParameter: 'audience',
      clientAuth: 'post',
    });
    expect(result.kind === 'inputs' && secretsOf(result.inputs)).toEqual([
      'admin.token.value',
      'buyer.token.value',
      'client-secret-value',
      'api-key-value',
    ]);
  });

  it.each([
    [{ origin }, users, 'Missing --api'],
    [{ api }, users, 'Missing --origin'],
    [{ api: 'abc', origin }, users, "--api must be an http(s) URL, not 'abc'"],
    [
      { api: `${api}?stage=1`, origin },
      users,
      `--api must be an http(s) URL, not '${api}?stage=1'`,
    ],
    [
      { api, origin: `${origin}/index.html` },
      users,
      `--origin must be an origin such as https://d111111abcdef8.cloudfront.net, not '${origin}/index.html'`,
    ],
    [
      { api, origin },
      { SMOKE_BUYER_TOKEN: 'b' },
      "SMOKE_ADMIN_TOKEN is not set: an admin's access token",
    ],
    [
      { api, origin },
      { SMOKE_ADMIN_TOKEN: 'a', SMOKE_BUYER_TOKEN: ' ' },
      "SMOKE_BUYER_TOKEN is not set: a buyer's access token",
    ],
    [
      { api, origin, issuer: machine.issuer },
      users,
      'The machine client needs --client-id, --audience, SMOKE_CLIENT_SECRET too (with --issuer)',
    ],
    [
      { api, origin, ...machine, 'audience-parameter': 'aud' },
      { ...users, SMOKE_CLIENT_SECRET: 's' },
      "--audience-parameter must be resource or audience, not 'aud'",
    ],
    [
      { api, origin, ...machine, 'client-auth': 'jwt' },
      { ...users, SMOKE_CLIENT_SECRET: 's' },
      "--client-auth must be basic or post, not 'jwt'",
    ],
    [
      { api, origin, 'partner-api': api, ...machine },
      { ...users, SMOKE_CLIENT_SECRET: 's' },
      "--partner-api needs SMOKE_API_KEY: the partner API key's value",
    ],
    [
      { api, origin, 'partner-api': api },
      { ...users, SMOKE_API_KEY: 'k' },
      '--partner-api needs the machine client: --issuer, --client-id, --audience and SMOKE_CLIENT_SECRET',
    ],
  ])('refusing %j with %j: %s', (options, env, message) => {
    expect(mistakeOf(readSmokeInputs(options, env))).toBe(message);
  });
});

describe('pnpm smoke, before it sends anything', () => {
  it('prints its usage and every secret variable for --help, and exits 0', async () => {
    const { code, stdout } = await runSmokeCommand(['--help']);
    expect(code).toBe(0);
    expect(
      stdout.startsWith('Usage: pnpm smoke --api <ApiUrl> --origin <SpaUrl> [options]\n'),
    ).toBe(true);
    for (const variable of [
      'SMOKE_ADMIN_TOKEN',
      'SMOKE_BUYER_TOKEN',
      'SMOKE_OTHER_BUYER_TOKEN',
      'SMOKE_CLIENT_SECRET',
      'SMOKE_API_KEY',
    ]) {
      expect(stdout).toContain(`  ${variable} `);
    }
  });

  it('exits 2 naming the missing token, then the usage line, and checks nothing', async () => {
    const { code, stdout, stderr } = await runSmokeCommand(['--api', api, '--origin', origin], {
      SMOKE_BUYER_TOKEN: 'buyer.token.value',
    });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      "SMOKE_ADMIN_TOKEN is not set: an admin's access token\nUsage: pnpm smoke --api <ApiUrl> --origin <SpaUrl> [options]\n",
    );
  });

  it('takes no secret on the command line: a --admin-token option is a mistake (exit 2)', async () => {
    const { code, stderr } = await runSmokeCommand(['--admin-token', 'x', '--api', api]);
    expect(code).toBe(2);
    expect(stderr).toContain("Unknown option '--admin-token'");
  });
});
