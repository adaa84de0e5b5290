#!/usr/bin/env node
import { exitWithMistake, readCommandLine } from '@petstore/command-line';
import { stopOnSignals } from '@petstore/command-line/signals';
import { namedValues, parameterOverrides, portValue } from '@petstore/command-line/values';
import { readEnvVarsFile } from './lambda/env-vars-file';
import type { EnvironmentOverrides } from './lambda/lambda-environment';
import { startGateway } from './start-gateway';
import { readApiKeysFile } from './usage-plans/read-api-keys-file';

const spec = {
  usage: `petstore-gateway --template <template.yaml> [--port 3000] [--host 127.0.0.1]
  [--api-port LogicalId=Port]... [--parameter Name=Value]... [--parameter-overrides 'Name=Value ...']
  [--env-vars overrides.json] [--watch] [--api LogicalId] [--api-keys api-keys.json] [--inspect[=9229]]`,
  details: `  --port      the first API's port; every other API gets --api-port's, else any free port
              (the start log names each API's URL)
  --api       serve only this API (by default every API of the template that has Api events)

  --env-vars  JSON like sam local's: { "FunctionLogicalId": { "VAR": "value" }, "Parameters": { ... } }
              ("Parameters" applies to every function)
  --api-keys  JSON { "ApiKeyLogicalId": "value" }: local values of the usage plans' API keys that
              have no Value in the template (AWS generates those); at least 20 characters each
  --parameter-overrides  SAM's syntax: 'Name=Value Name2="a b"' or 'ParameterKey=Name,ParameterValue=Value'
  --inspect   a debugger for each function: its execution environment opens Node's inspector on
              the port (the first function's; the next functions' on the next ports, as the start
              log says); calls paused at a breakpoint never time out`,
  options: {
    template: { type: 'string', short: 't' },
    port: { type: 'string', short: 'p', default: '3000' },
    host: { type: 'string', default: '127.0.0.1' },
    'api-port': { type: 'string', multiple: true, default: [] as string[] },
    parameter: { type: 'string', multiple: true, default: [] as string[] },
    'parameter-overrides': { type: 'string', multiple: true, default: [] as string[] },
    'env-vars': { type: 'string' },
    inspect: { type: 'string' },
    watch: { type: 'boolean', default: false },
    api: { type: 'string' },
    'api-keys': { type: 'string' },
  },
  bareValues: { inspect: '9229' },
} as const;

const { values } = readCommandLine(spec);
if (!values.template) exitWithMistake(spec, 'Missing --template');

function portOf(text: string, option: string): number {
  return portValue(text) ?? exitWithMistake(spec, `${option} must be a port number, not '${text}'`);
}

function pairsOf(list: readonly string[], option: string) {
  const { pairs, invalid } = namedValues(list);
  if (invalid !== undefined)
    exitWithMistake(spec, `${option} must be Name=Value, not '${invalid}'`);
  return pairs;
}

const port = portOf(values.port, '--port');
// Object.fromEntries: a name such as __proto__ is an own entry like any other.
const ports = Object.fromEntries(
  pairsOf(values['api-port'], '--api-port').map(([id, text]) => [id, portOf(text, '--api-port')]),
);
const overrides = parameterOverrides(values['parameter-overrides']);
if (overrides.invalid !== undefined) {
  exitWithMistake(
    spec,
    `--parameter-overrides must be Name=Value words (or ParameterKey=Name,ParameterValue=Value), not '${overrides.invalid}'`,
  );
}
const parameters = Object.fromEntries([
  ...pairsOf(values.parameter, '--parameter'),
  ...overrides.pairs,
]);
const inspectPort = values.inspect === undefined ? undefined : portOf(values.inspect, '--inspect');
if (inspectPort === 0)
  exitWithMistake(spec, '--inspect needs a port above 0: each function takes the next one');

let environment: EnvironmentOverrides = {};
if (values['env-vars']) {
  try {
    environment = readEnvVarsFile(values['env-vars']);
  } catch (error) {
    exitWithMistake(spec, (error as Error).message);
  }
}

let apiKeys: Record<string, string> | undefined;
if (values['api-keys']) {
  try {
    apiKeys = readApiKeysFile(values['api-keys']);
  } catch (error) {
    exitWithMistake(spec, (error as Error).message);
  }
}

const gateway = await startGateway({
  templatePath: values.template,
  port,
  ports,
  host: values.host,
  parameters,
  environment,
  watch: values.watch,
  ...(values.api ? { api: values.api } : {}),
  ...(apiKeys ? { apiKeys } : {}),
  ...(inspectPort ? { inspect: { port: inspectPort } } : {}),
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

stopOnSignals(() => gateway.close());
