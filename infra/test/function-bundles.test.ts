import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { resolveHandler } from '@petstore/gateway/resolve-handler';
import { readTemplate } from '@petstore/gateway/template';
import { describe, expect, it } from 'vitest';
import { sampleParameters, templatePath } from './support/template';

// Needs the functions built (turbo builds them before this package's tests).
// Every function has an event on PetsApi (the IAM API serves the same ones).
const model = await readTemplate(templatePath, { parameters: sampleParameters, api: 'PetsApi' });
const functions = [...model.functions.values()];

describe.each(functions)('$logicalId', (fn) => {
  // The file and export found as the Lambda runtime finds them (the gateway's resolver, the one
  // the local stack runs functions with).
  const { file, exportPath } = resolveHandler(fn.codeDir, fn.handler);

  it('has its handler file in the build output', () => {
    expect(file, `${fn.codeDir} ${fn.handler}`).toBeDefined();
  });

  it('starts (cold start, configuration validated) with only the environment the template gives it', async () => {
    // Prepare
    const script = `let value = await import(${JSON.stringify(pathToFileURL(file ?? '').href)});
      for (const name of ${JSON.stringify(exportPath)}) value = value?.[name];
      process.stdout.write(typeof value);`;

    // Act
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '-e', script],
      {
        env: { PATH: process.env.PATH ?? '', AWS_REGION: 'eu-west-1', ...fn.environment },
      },
    );

    // Assess
    expect(stdout).toBe('function');
  });
});
