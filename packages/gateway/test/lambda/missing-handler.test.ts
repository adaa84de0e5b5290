import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureGateway, startFixture } from '../support/start-fixture';

let dir: string;
let fixture: FixtureGateway;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gateway-missing-'));
  await writeFile(
    join(dir, 'template.yaml'),
    `Transform: AWS::Serverless-2016-10-31
Resources:
  NotBuilt:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      CodeUri: dist/not-built
      Handler: index.handler
      Events:
        Get:
          Type: Api
          Properties: { Path: /not-built, Method: GET }
`,
  );
  fixture = await startFixture('unused', { templatePath: join(dir, 'template.yaml') });
});
afterAll(async () => {
  await fixture.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a function whose code is not built', () => {
  it('is named in a start-up warning, and a call to it is a 502 (Runtime.ImportModuleError)', async () => {
    // Act
    const response = await fixture.call('/not-built');

    // Assess
    expect(fixture.messages.join('\n')).toMatch(
      /warning: Function NotBuilt: no file for Handler index.handler/,
    );
    expect(response.status).toBe(502);
    expect(fixture.messages.join('\n')).toContain('Runtime.ImportModuleError');
  });

  it('is initialised again on the next call once its code exists, as Lambda retries a failed init', async () => {
    // Prepare: the first call fails to load the handler in a fresh environment.
    expect((await fixture.call('/not-built')).status).toBe(502);
    await mkdir(join(dir, 'dist/not-built'), { recursive: true });
    await writeFile(
      join(dir, 'dist/not-built/index.mjs'),
      "export const handler = async () => ({ statusCode: 200, body: 'built' });",
    );

    // Act
    const response = await fixture.call('/not-built');

    // Assess
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('built');
  });
});
