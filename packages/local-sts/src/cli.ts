import { parseArgs } from 'node:util';
import { startLocalSts } from './start-local-sts';

const usage = `Usage: local-sts --template <template.yaml> [--port 9300] [--host 127.0.0.1]
  [--parameter Name=Value]...

Serves AssumeRoleWithWebIdentity and GetCallerIdentity over the template's OIDC providers and roles.`;

/** A mistake on the command line: what is wrong, then the usage; exit code 2. */
function mistake(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

function readArguments() {
  try {
    return parseArgs({
      strict: true,
      options: {
        template: { type: 'string', short: 't' },
        port: { type: 'string', short: 'p', default: '9300' },
        host: { type: 'string', default: '127.0.0.1' },
        parameter: { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_')) throw error;
    // Node's first sentence names the option or argument; the rest is advice about `--`.
    return mistake((error as Error).message.split(/\.\s/)[0] ?? '');
  }
}

const values = readArguments();
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (!values.template) mistake('Missing --template');

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  mistake(`--port must be a port number, not "${values.port}"`);
}

// Object.fromEntries: a parameter named __proto__ is an own entry like any other.
const parameters: Record<string, string> = Object.fromEntries(
  values.parameter.map((pair) => {
    const at = pair.indexOf('=');
    if (at <= 0) mistake(`--parameter must be Name=Value, not "${pair}"`);
    return [pair.slice(0, at), pair.slice(at + 1)];
  }),
);

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
