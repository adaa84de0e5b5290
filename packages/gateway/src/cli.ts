import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { EnvironmentOverrides } from './lambda/lambda-environment';
import { startGateway } from './start-gateway';

const usage = `Usage: gateway --template <template.yaml> [--port 3000] [--host 127.0.0.1]
  [--api-port LogicalId=Port]... [--parameter Name=Value]... [--env-vars overrides.json]
  [--watch] [--api LogicalId]

  --port      the first API's port; every other API gets --api-port's, else any free port
              (the start log names each API's URL)
  --api       serve only this API (by default every API of the template that has Api events)

  --env-vars  JSON like sam local's: { "FunctionLogicalId": { "VAR": "value" }, "Parameters": { ... } }
              ("Parameters" applies to every function)`;

const { values } = parseArgs({
  options: {
    template: { type: 'string', short: 't' },
    port: { type: 'string', short: 'p', default: '3000' },
    host: { type: 'string', default: '127.0.0.1' },
    'api-port': { type: 'string', multiple: true, default: [] },
    parameter: { type: 'string', multiple: true, default: [] },
    'env-vars': { type: 'string' },
    watch: { type: 'boolean', default: false },
    api: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help || !values.template) {
  console.log(usage);
  process.exit(values.help ? 0 : 2);
}

function portNumber(text: string, option: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`${option} must be a port number, not "${text}"`);
    process.exit(2);
  }
  return port;
}

function pairs(list: readonly string[], option: string): [string, string][] {
  return list.map((pair) => {
    const at = pair.indexOf('=');
    if (at <= 0) {
      console.error(`${option} must be Name=Value, not "${pair}"`);
      process.exit(2);
    }
    return [pair.slice(0, at), pair.slice(at + 1)];
  });
}

const port = portNumber(values.port, '--port');
const ports = Object.fromEntries(
  pairs(values['api-port'], '--api-port').map(([id, text]) => [id, portNumber(text, '--api-port')]),
);
const parameters = Object.fromEntries(pairs(values.parameter, '--parameter'));

let environment: EnvironmentOverrides = {};
if (values['env-vars']) {
  const { Parameters, ...perFunction } = JSON.parse(
    readFileSync(values['env-vars'], 'utf8'),
  ) as Record<string, Record<string, string>>;
  environment = { ...perFunction, ...(Parameters ? { '*': Parameters } : {}) };
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
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void gateway.close().then(() => process.exit(0));
  });
}
