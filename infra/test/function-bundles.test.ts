import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { readTemplate } from '@petstore/gateway/template';
import { describe, expect, it } from 'vitest';
import { sampleParameters, templatePath } from './support/template';

// Needs the functions built (turbo builds them before this package's tests).
// Every function has an event on PetsApi (the IAM API serves the same ones).
const model = await readTemplate(templatePath, { parameters: sampleParameters, api: 'PetsApi' });
const functions = [...model.functions.values()];

/** The file Lambda would load for `Handler: file.export`, trying its extensions in order. */
function handlerFile(codeDir: string, handler: string): string | undefined {
  const module = handler.slice(0, handler.lastIndexOf('.'));
  return ['.js', '.mjs', '.cjs']
    .map((ext) => join(codeDir, module + ext))
    .find((file) => existsSync(file));
}

describe.each(functions)('$logicalId', (fn) => {
  it('has its handler file in the build output', () => {
    expect(handlerFile(fn.codeDir, fn.handler), `${fn.codeDir} ${fn.handler}`).toBeDefined();
  });

  it('starts (cold start, configuration validated) with only the environment the template gives it', async () => {
    // Prepare
    const file = handlerFile(fn.codeDir, fn.handler) ?? '';
    const exported = fn.handler.slice(fn.handler.lastIndexOf('.') + 1);
    const script = `const m = await import(${JSON.stringify(pathToFileURL(file).href)});
      process.stdout.write(typeof m[${JSON.stringify(exported)}]);`;

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
