#!/usr/bin/env node
import { exitWithMistake, readCommandLine } from '@petstore/command-line';
import { stopOnSignals } from '@petstore/command-line/signals';
import { namedValues, portValue } from '@petstore/command-line/values';
import { startLocalSts } from './start-local-sts';

const spec = {
  usage: `petstore-local-sts --template <template.yaml> [--port 9300] [--host 127.0.0.1]
  [--parameter Name=Value]...`,
  details:
    "Serves AssumeRoleWithWebIdentity and GetCallerIdentity over the template's OIDC providers and roles.",
  options: {
    template: { type: 'string', short: 't' },
    port: { type: 'string', short: 'p', default: '9300' },
    host: { type: 'string', default: '127.0.0.1' },
    parameter: { type: 'string', multiple: true, default: [] as string[] },
  },
} as const;

const { values } = readCommandLine(spec);
if (!values.template) exitWithMistake(spec, 'Missing --template');
const port =
  portValue(values.port) ??
  exitWithMistake(spec, `--port must be a port number, not '${values.port}'`);
const { pairs, invalid } = namedValues(values.parameter);
if (invalid !== undefined) {
  exitWithMistake(spec, `--parameter must be Name=Value, not '${invalid}'`);
}
// Object.fromEntries: a parameter named __proto__ is an own entry like any other.
const parameters: Record<string, string> = Object.fromEntries(pairs);

const sts = await startLocalSts({
  templatePath: values.template,
  port,
  host: values.host,
  parameters,
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

stopOnSignals(() => sts.close());
