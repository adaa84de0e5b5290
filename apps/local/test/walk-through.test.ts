import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackRecordsFolder } from '../src/stack/stack-record';
import { readmeBlock, runAsWritten } from './support/readme-walk-through';
import { inSecondTerminal } from './support/second-terminal';
import { type StackProcess, startStackProcess } from './support/stack-process';

// A developer's second terminal beside a stack on other ports than the defaults: it knows only
// the data folder (the default one for a developer; the test's own here), finds the stack's
// record there, and runs the root README's curl walk-throughs as they are written, after the
// banner's export line.
let stack: StackProcess;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'petstore-terminal-'));
  stack = await startStackProcess({ dataDir });
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const bash = (script: string) => inSecondTerminal(script, stack.terminal);

/** The banner's export line (every port of a test's stack is another than its default). */
function bannerExportLine(): string {
  const line = /^ {2}the README's curl lines need its ports: +(export .+)$/m.exec(
    stack.output(),
  )?.[1];
  if (!line) throw new Error(`The banner has no export line:\n${stack.output()}`);
  return line;
}

/**
 * The commands of the README section's first sh block, each with what continues it (an indented
 * line), then each one's output told apart: a marker line is echoed before each.
 */
async function runSection(
  heading: string,
): Promise<{ code: number; outputs: string[]; stderr: string }> {
  return runAsWritten(readmeBlock(heading).commands, stack.terminal, bannerExportLine());
}

/** What `pnpm invoke` printed as the function's result: the JSON after pnpm's own lines. */
function resultOf(output: string | undefined): { statusCode?: number; body: string } {
  const text = output ?? '';
  const start = text.search(/^\{/m);
  if (start < 0) throw new Error(`No JSON result in:\n${text}`);
  return JSON.parse(text.slice(start));
}

describe('a stack on other ports', () => {
  it('records itself in its data folder: PID, ports, URLs, start time, readable by its owner only', () => {
    const file = join(stackRecordsFolder(dataDir), `${stack.child.pid}.json`);
    const record = JSON.parse(readFileSync(file, 'utf8'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(record).toMatchObject({
      pid: stack.child.pid,
      memory: false,
      ports: stack.ports,
      urls: { api: stack.apiUrl, iamApi: stack.iamApiUrl, issuer: stack.issuer },
    });
    expect(Date.parse(record.startedAt)).not.toBeNaN();
  });

  it('prints the export line of a second terminal: DATA_DIR and every port variable not at its default', () => {
    expect(bannerExportLine()).toBe(
      `export DATA_DIR=${dataDir} API_PORT=${stack.ports.api} IAM_API_PORT=${stack.ports.iamApi} PARTNER_API_PORT=${stack.ports.partnerApi} DEV_IDP_PORT=${stack.ports.idp} STS_PORT=${stack.ports.sts} WEB_PORT=${stack.ports.web} DYNAMODB_PORT=${stack.ports.dynamodb}`,
    );
  });
});

describe('a second terminal that knows only DATA_DIR', () => {
  it('gets tokens from this stack with pnpm -s access-token (from its record)', async () => {
    const { code, stdout, stderr } = await bash('pnpm -s access-token buyer');
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
  });

  // Before the token walk-through, which adds a pet and buys it: this one buys the newest pet.
  it("runs the README's IAM walk-through as written, after the banner's export line", async () => {
    const { code, outputs, stderr } = await runSection('Try the IAM way with curl');
    expect(code, stderr).toBe(0);
    expect(outputs.slice(0, 2)).toEqual(['', '']);
    expect(JSON.parse(outputs[2] ?? '')).toMatchObject({
      subject: expect.stringContaining(':assumed-role/BuyerRole/'),
      permissions: ['read:pets', 'purchase:pets'],
    });
    expect(JSON.parse(outputs[4] ?? '')).toMatchObject({
      isSold: true,
      soldTo: { name: 'Bea Buyer' },
    });
    expect(JSON.parse(outputs[5] ?? '')).toMatchObject({
      status: 403,
      code: 'IDENTITY_TOKEN_REQUIRED',
    });
    expect(outputs[6]).toMatch(/^HTTP\/1\.1 403 /);
    expect(outputs[6]).toContain('AccessDeniedException');
    expect(outputs[7]).toMatch(/^HTTP\/1\.1 403 /);
    expect(outputs[7]).toContain('Missing Authentication Token');
  });

  it("runs the README's token walk-through as written, after the banner's export line", async () => {
    const { code, outputs, stderr } = await runSection('Try it with curl');
    expect(code, stderr).toBe(0);
    expect(outputs.slice(0, 3)).toEqual(['', '', '']);
    expect(JSON.parse(outputs[3] ?? '').items.length).toBeGreaterThan(0);
    expect(outputs[4]).toBe('');
    expect(JSON.parse(outputs[5] ?? '')).toMatchObject({
      type: 'gecko',
      soldTo: { name: 'Bea Buyer' },
    });
    // The same buyer again: the same answer (a purchase is idempotent for its buyer).
    expect(JSON.parse(outputs[6] ?? '')).toEqual(JSON.parse(outputs[5] ?? ''));
    expect(outputs[7]).toMatch(/^HTTP\/1\.1 403 /);
    expect(outputs[8]).toMatch(/^HTTP\/1\.1 401 /);
    expect(outputs[9]).toMatch(/^HTTP\/1\.1 401 /);
  });

  it("runs the README's pnpm invoke lines as written: the dog, the cat bought by Bea, an Allow policy, the pets", async () => {
    // Prepare
    const { commands } = readmeBlock('Invoke one function');
    expect(commands).toEqual([
      expect.stringMatching(/^pnpm invoke GetPetFunction /),
      expect.stringMatching(/^pnpm invoke PurchasePetFunction /),
      expect.stringMatching(/^pnpm invoke AuthorizerFunction /),
      expect.stringMatching(/^pnpm -s invoke ListPetsFunction - </),
    ]);

    // Act
    const { code, outputs, stderr } = await runSection('Invoke one function');

    // Assess: without -s, pnpm's script line comes first; the result is the rest
    expect(code, stderr).toBe(0);
    const dog = resultOf(outputs[0]);
    const cat = resultOf(outputs[1]);
    const policy = resultOf(outputs[2]);
    const list = resultOf(outputs[3]);
    expect(dog).toMatchObject({ statusCode: 200 });
    expect(JSON.parse(dog.body)).toMatchObject({ type: 'dog' });
    expect(cat).toMatchObject({ statusCode: 200 });
    expect(JSON.parse(cat.body)).toMatchObject({ type: 'cat', soldTo: { name: 'Bea Buyer' } });
    expect(policy).toMatchObject({
      policyDocument: { Statement: [expect.objectContaining({ Effect: 'Allow' })] },
    });
    expect(JSON.parse(list.body).items.length).toBeGreaterThan(0);
    expect(outputs[3]?.trimStart().startsWith('{')).toBe(true);
  });

  it("runs apps/local's README line: the authorizer's result alone on stdout with pnpm -s", async () => {
    const { commands } = readmeBlock('Invoking a function', 'apps/local/README.md');
    expect(commands).toEqual([expect.stringMatching(/^pnpm -s invoke AuthorizerFunction /)]);

    const { code, outputs, stderr } = await runAsWritten(
      commands,
      stack.terminal,
      bannerExportLine(),
    );

    expect(code, stderr).toBe(0);
    expect(JSON.parse(outputs[0] ?? '')).toMatchObject({
      principalId: expect.any(String),
      policyDocument: { Statement: [expect.objectContaining({ Effect: 'Allow' })] },
      context: { tokenType: 'user' },
    });
  });

  it('is told that no stack runs once it stopped: its record is gone, exit 1', async () => {
    expect(await stack.stop()).toBe(0);
    const { code, stdout, stderr } = await bash('pnpm -s access-token buyer');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('pnpm access-token: No local stack is running: none is recorded in');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
