import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeysFilePath } from '../src/stack/local-api-keys';
import { call } from './support/api-client';
import { readmeBlock, runAsWritten } from './support/readme-walk-through';
import { inSecondTerminal } from './support/second-terminal';
import { portEnvironment, type StackProcess, startStackProcess } from './support/stack-process';
import { tokenFor } from './support/tokens';

// The machine client's story on the partner API: a bearer token and, on top, the API key of its
// usage plan (infra/template.yaml PartnerApi), with the key the stack made in its data folder.
// Then the README's "Try the partner API with curl" lines, run by bash as they are written.
let stack: StackProcess;
let dataDir: string;
let key: string;
let m2m: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'petstore-partner-'));
  stack = await startStackProcess({ dataDir });
  key = (JSON.parse(readFileSync(apiKeysFilePath(dataDir), 'utf8')) as Record<string, string>)
    .PartnerApiApiKey as string;
  m2m = await tokenFor(stack, 'm2m');
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const partner = (path: string) => `${stack.partnerApiUrl}${path}`;
/** The walk-through's shell, pointed at this stack as its banner's export line does: its ports and data folder. */
const environment = () => ({ ...process.env, ...portEnvironment(stack.ports), DATA_DIR: dataDir });

const bash = (script: string) => inSecondTerminal(script, environment());

describe('the partner API key', () => {
  it('is made at the first start into the data folder, 40 letters and digits, readable by its owner only', () => {
    expect(key).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(statSync(apiKeysFilePath(dataDir)).mode & 0o777).toBe(0o600);
  });

  it('is what `pnpm -s api-key` prints for that data folder', async () => {
    const { code, stdout } = await bash('pnpm -s api-key');
    expect(code).toBe(0);
    expect(stdout).toBe(`${key}\n`);
  });

  it('and the call with it are in the banner', () => {
    expect(stack.output()).toContain(`API, partners       ${stack.partnerApiUrl}`);
    expect(stack.output()).toContain('pnpm -s api-key');
    expect(stack.output()).not.toContain(key);
  });
});

describe('a service (client credentials) on the partner API', () => {
  it('reads pets, one pet and itself with its token and its key', async () => {
    const headers = { 'x-api-key': key };
    const list = await call(partner('/pets?limit=1'), { token: m2m, headers });
    const one = await call(partner(`/pets/${list.json.items[0].id}`), { token: m2m, headers });
    const me = await call(partner('/me'), { token: m2m, headers });
    expect([list.status, one.status, me.status]).toEqual([200, 200, 200]);
    expect(one.json.id).toBe(list.json.items[0].id);
    expect(me.json).toMatchObject({ permissions: ['read:pets'], clientId: 'petstore-m2m' });
  });

  it('is refused without the key, or with another one: 403 Forbidden, as API Gateway answers (K2)', async () => {
    const none = await call(partner('/pets'), { token: m2m });
    const wrong = await call(partner('/pets'), {
      token: m2m,
      headers: { 'x-api-key': `${key.slice(1)}x` },
    });
    expect([none.status, wrong.status]).toEqual([403, 403]);
    expect([none.json, wrong.json]).toEqual([{ message: 'Forbidden' }, { message: 'Forbidden' }]);
  });

  it('is refused with the key but no token: 401, the authorizer comes first (K3)', async () => {
    const reply = await call(partner('/pets'), { headers: { 'x-api-key': key } });
    expect(reply.status).toBe(401);
    expect(reply.json).toEqual({ message: 'Unauthorized' });
  });

  it('finds no write route there, even with an admin token: 403 Missing Authentication Token', async () => {
    const admin = await tokenFor(stack, 'admin');
    const reply = await call(partner('/pets'), {
      method: 'POST',
      token: admin,
      headers: { 'x-api-key': key },
      body: { type: 'dog', price: 1 },
    });
    expect(reply.status).toBe(403);
    expect(reply.json).toEqual({ message: 'Missing Authentication Token' });
  });
});

describe("the README's partner walk-through", () => {
  const { block, commands } = readmeBlock('Try the partner API with curl');
  // The shell's default-value expansion, as written in the README.
  const portLine = `PARTNER=http://127.0.0.1:\${PARTNER_API_PORT:-3002}\n`;

  it('points at the partner port of PARTNER_API_PORT (the banner exports it), else the default', () => {
    expect(block).toContain(portLine);
    expect(commands).toHaveLength(8);
  });

  it('runs as written: the pets, 403 without the key, 401 without the token, 429 past the burst', async () => {
    // Act: each command's output told apart by a marker line.
    const { code, outputs, stderr } = await runAsWritten(commands, environment());

    // Assess
    expect(code, stderr).toBe(0);
    expect(outputs.slice(0, 3)).toEqual(['', '', '']);
    expect(JSON.parse(outputs[3] ?? '').items.length).toBeGreaterThan(0);
    expect(JSON.parse(outputs[4] ?? '')).toMatchObject({ clientId: 'petstore-m2m' });
    expect(outputs[5]).toMatch(/^HTTP\/1\.1 403 /);
    expect(outputs[5]).toContain('{"message":"Forbidden"}');
    expect(outputs[6]).toMatch(/^HTTP\/1\.1 401 /);
    expect(outputs[6]).toContain('{"message":"Unauthorized"}');
    const counts = Object.fromEntries(
      (outputs[7] ?? '')
        .trim()
        .split('\n')
        .map((line) => line.trim().split(/\s+/).reverse()),
    ) as Record<string, string>;
    expect(Object.keys(counts).sort()).toEqual(['200', '429']);
    expect(Number(counts['200']) + Number(counts['429'])).toBe(50);
    // The plan's throttle refused them (its burst of 20), not the stage's (100).
    expect(stack.output()).toMatch(
      /API key PartnerApiApiKey \(\S+\) exceeded throttle limit .* Limit: 10 Burst: 20/,
    );
  });
});
