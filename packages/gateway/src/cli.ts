import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { EnvironmentOverrides } from './lambda/lambda-environment';
import { startGateway } from './start-gateway';

const usage = `Usage: gateway --template <template.yaml> [--port 3000] [--host 127.0.0.1]
  [--parameter Name=Value]... [--env-vars overrides.json] [--watch] [--api LogicalId]

  --env-vars  JSON like sam local's: { "FunctionLogicalId": { "VAR": "value" }, "Parameters": { ... } }
              ("Parameters" applies to every function)`;

const { values } = parseArgs({
  options: {
    template: { type: 'string', short: 't' },
    port: { type: 'string', short: 'p', default: '3000' },
    host: { type: 'string', default: '127.0.0.1' },
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

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be a port number, not "${values.port}"`);
  process.exit(2);
}

const parameters: Record<string, string> = {};
for (const pair of values.parameter) {
  const at = pair.indexOf('=');
  if (at <= 0) {
    console.error(`--parameter must be Name=Value, not "${pair}"`);
    process.exit(2);
  }
  parameters[pair.slice(0, at)] = pair.slice(at + 1);
}

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
