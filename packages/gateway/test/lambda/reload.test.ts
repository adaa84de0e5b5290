import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FixtureGateway, fixtures, startFixture } from '../support/start-fixture';

let dir: string;
let fixture: FixtureGateway | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gateway-reload-'));
});
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
  await rm(dir, { recursive: true, force: true });
});

const handler = (text: string) =>
  `export const handler = async () => ({ statusCode: 200, body: ${JSON.stringify(text)} });\n`;

const template = `Transform: AWS::Serverless-2016-10-31
Resources:
  Version:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      CodeUri: code
      Handler: index.handler
      Events:
        Get:
          Type: Api
          Properties: { Path: /version, Method: GET }
`;

describe('reloading changed code', () => {
  it('reloads a prebuilt function when a file of its CodeUri changes (the next call is a cold start)', async () => {
    // Prepare
    await cp(join(fixtures, 'functions', 'slow'), join(dir, 'code'), { recursive: true });
    await writeFile(join(dir, 'code', 'index.mjs'), handler('v1'));
    await writeFile(join(dir, 'template.yaml'), template);
    fixture = await startFixture('unused', {
      templatePath: join(dir, 'template.yaml'),
      watch: true,
    });
    const before = await (await fixture.call('/version')).text();

    // Act
    const reloaded = fixture.nextMessage(/Function Version reloaded/);
    await writeFile(join(dir, 'code', 'index.mjs'), handler('v2'));
    await reloaded;
    const after = await (await fixture.call('/version')).text();

    // Assess
    expect(before).toBe('v1');
    expect(after).toBe('v2');
  });

  it('rebuilds and reloads an esbuild function when one of its sources changes', async () => {
    // Prepare
    await cp(join(fixtures, 'esbuild'), dir, { recursive: true });
    fixture = await startFixture('unused', {
      templatePath: join(dir, 'template.yaml'),
      watch: true,
    });
    const before = await (await fixture.call('/hello/rex')).text();

    // Act
    const reloaded = fixture.nextMessage(/Function Hello reloaded/);
    await writeFile(
      join(dir, 'src', 'greet.ts'),
      // biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript source written to a file
      'export const greet = (name: string) => `woof ${name}`;\n',
    );
    await reloaded;
    const after = await (await fixture.call('/hello/rex')).text();

    // Assess
    expect(before).toBe('hello rex');
    expect(after).toBe('woof rex');
  });
});
