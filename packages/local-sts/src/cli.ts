import { parseArgs } from 'node:util';
import { startLocalSts } from './start-local-sts';

const usage = `Usage: local-sts --template <template.yaml> [--port 9300] [--host 127.0.0.1]
  [--parameter Name=Value]...

Serves AssumeRoleWithWebIdentity and GetCallerIdentity over the template's OIDC providers and roles.`;

const { values } = parseArgs({
  options: {
    template: { type: 'string', short: 't' },
    port: { type: 'string', short: 'p', default: '9300' },
    host: { type: 'string', default: '127.0.0.1' },
    parameter: { type: 'string', multiple: true, default: [] },
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

const sts = await startLocalSts({
  templatePath: values.template,
  port,
  host: values.host,
  parameters,
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void sts.close().then(() => process.exit(0));
  });
}
