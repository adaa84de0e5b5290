import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoFile, shellCommands } from './support/markdown';
import {
  expectCleanCtrlC,
  printedCommand,
  type RunningPrinted,
  runPrinted,
  startPrinted,
} from './support/printed-command';

// The package READMEs' command lines for this repository's template, run as printed but for
// their port: any free one (`--port 0`), so that they cannot meet a stack of the developer's.

/** `{"not":"a JWT"}.{"sub":"x"}.sig`: JWT-shaped, refused before any key is looked up. */
const unsignedToken = 'eyJub3QiOiJhIEpXVCJ9.eyJzdWIiOiJ4In0.c2ln';
const origin = 'http://127.0.0.1:5173';

describe("the gateway README's command line for infra/template.yaml", () => {
  const printed = printedCommand('packages/gateway/README.md', '## Use', 'CLI (`petstore-gateway`');
  let gateway: RunningPrinted;
  let api = '';

  beforeAll(async () => {
    expect(printed).toMatch(/^pnpm --filter @petstore\/gateway start .*--port 3000 /);
    gateway = await startPrinted(
      printed.replace('--port 3000', '--port 0'),
      /PetsApi \(stage prod\) on (http:\/\/127\.0\.0\.1:\d+)/,
    );
    api = gateway.ready[1] ?? '';
  }, 120_000);

  afterAll(() => gateway?.kill());

  it('serves the token API, listing its routes', () => {
    expect(api).not.toMatch(/:0$/);
    expect(gateway.output()).toContain('GET     /pets -> ListPetsFunction (TokenAuthorizer)');
  });

  it('runs the TOKEN authorizer function: a JWT-shaped token without a signature gets 401, with the CORS origin given', async () => {
    const response = await fetch(`${api}/pets`, {
      headers: { Authorization: `Bearer ${unsignedToken}`, Origin: origin },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(await response.json()).toEqual({ message: 'Unauthorized' });
    await expect
      .poll(() => gateway.output())
      .toMatch(/"path":"\/pets","status":401,.*"authorizer":"miss"/);
  });

  it('answers a CORS preflight', async () => {
    const response = await fetch(`${api}/pets`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('stops on Ctrl-C: exit code 0, no failure printed, no process left behind', async () => {
    await expectCleanCtrlC(gateway);
  });
});

describe("the local STS README's command line for infra/template.yaml", () => {
  const printed = printedCommand('packages/local-sts/README.md', '## Use', 'CLI (runs with tsx');
  let sts: RunningPrinted;
  let url = '';

  beforeAll(async () => {
    expect(printed).toMatch(/^pnpm --filter @petstore\/local-sts start .*--port 9300 /);
    sts = await startPrinted(
      printed.replace('--port 9300', '--port 0'),
      /listening on (http:\/\/127\.0\.0\.1:\d+): 1 OIDC provider\(s\), 2 role\(s\)/,
    );
    url = sts.ready[1] ?? '';
  }, 120_000);

  afterAll(() => sts?.kill());

  it("answers AssumeRoleWithWebIdentity with STS's error for a token that does not verify", async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        Action: 'AssumeRoleWithWebIdentity',
        Version: '2011-06-15',
        RoleArn: 'arn:aws:iam::123456789012:role/petstore-buyer',
        RoleSessionName: 'ada',
        WebIdentityToken: unsignedToken,
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('<Code>InvalidIdentityToken</Code>');
  });

  it('stops on Ctrl-C: exit code 0, no failure printed, no process left behind', async () => {
    await expectCleanCtrlC(sts);
  });
});

describe("the dev-idp README's commands, moved by its variables to a free port and a folder of their own", () => {
  // The block at the top of the README, before its first section.
  const [start = '', , , token = '', rotate = ''] = shellCommands(
    repoFile('packages/dev-idp/README.md').split('\n## ')[0] ?? '',
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'petstore-dev-idp-readme-'));
  let idp: RunningPrinted;
  let issuer = '';
  let port = '';

  beforeAll(async () => {
    expect([start, token, rotate]).toEqual([
      expect.stringMatching(/^pnpm --filter @petstore\/dev-idp start +#/),
      expect.stringMatching(/^pnpm -s --filter @petstore\/dev-idp token admin +#/),
      expect.stringMatching(/^pnpm --filter @petstore\/dev-idp rotate-keys +#/),
    ]);
    // DEV_IDP_PORT=0: any free port, which the banner names; DEV_IDP_DATA_DIR: not the repository's keys.
    idp = await startPrinted(start, /issuer +(http:\/\/127\.0\.0\.1:(\d+))/, {
      DEV_IDP_PORT: '0',
      DEV_IDP_DATA_DIR: dataDir,
    });
    issuer = idp.ready[1] ?? '';
    port = idp.ready[2] ?? '';
  }, 120_000);

  afterAll(() => {
    idp?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const kids = async () =>
    ((await (await fetch(`${issuer}/jwks`)).json()) as { keys: { kid: string }[] }).keys.map(
      (key) => key.kid,
    );

  it('token admin prints an access token of the running dev-idp, found by DEV_IDP_PORT', async () => {
    const { stdout } = await runPrinted(token, { DEV_IDP_PORT: port });
    const [, payload = ''] = stdout.trim().split('.');
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toMatchObject({
      iss: issuer,
      permissions: expect.arrayContaining(['create:pets', 'delete:pets']),
    });
  });

  it('rotate-keys makes a new signing key, which the running dev-idp publishes without a restart', async () => {
    const before = await kids();
    await runPrinted(rotate, { DEV_IDP_DATA_DIR: dataDir });
    await expect.poll(kids, { timeout: 15_000 }).toEqual(expect.arrayContaining(before));
    await expect
      .poll(async () => (await kids()).length, { timeout: 15_000 })
      .toBeGreaterThan(before.length);
  });

  it('stops on Ctrl-C: exit code 0, no failure printed, no process left behind', async () => {
    await expectCleanCtrlC(idp);
  });
});
