/**
 * `pnpm start [--memory] [--no-watch] [--template ...] [--parameter-overrides ...] [--env-vars ...]
 * [--inspect[=port]]`: the whole stack on this machine, on the ports of
 * src/config/local-ports.json (each moved by its variable), data in DATA_DIR.
 * SIGINT (Ctrl-C), SIGTERM and SIGHUP (the terminal closed) stop everything it started, at any
 * moment, the start included, and so does its parent's death; the commands it runs stop with it
 * even if it is killed outright.
 */

import '../config/quiet-aws-sdk-notice';
import { exitWithMistake, readCommandLine } from '@petstore/command-line';
import { stopSignals } from '@petstore/command-line/signals';
import { LocalConfigError, readLocalConfig } from '../config/local-config';
import { localPorts, portNames } from '../config/local-ports';
import { quietImport } from '../stack/known-notices';
import type { Stack } from '../stack/start-stack';
import { stopSupervisedChildren } from '../stack/supervised-child';
import { banner } from './banner';
import { StartOptionError, startFlags } from './start-options';

const row = (variable: string, fallback: string, meaning: string) =>
  `  ${variable.padEnd(19)} ${fallback.padEnd(6)} ${meaning}`;
const spec = {
  usage:
    'pnpm start [--memory] [--no-watch] [--template <file>] [--parameter-overrides <text>] [--env-vars <file>] [--inspect[=port]]',
  details: [
    '  --memory               keep nothing on disk (the table, keys and users live until it stops)',
    '  --no-watch             do not rebuild and reload functions when their sources change',
    '  --template <file>      the SAM template (default infra/template.yaml)',
    "  --parameter-overrides  template parameters, SAM's syntax: 'Name=Value Name2=\"a b\"' (repeatable);",
    '                         they win over the ones the stack sets: TokenIssuer, JwksUri, Audience,',
    '                         SpaClientId, AllowedClientIds, PartnerClientIds, RequireTokenType,',
    '                         AllowedOrigin, EnableAccessLogs',
    '  --env-vars <file>      function variables, SAM\'s JSON: { "ListPetsFunction": { "VAR": "value" },',
    '                         "Parameters": { ... every function ... } }',
    '  --inspect[=port]       a debugger for each function (default port 9229, the next functions the next',
    '                         ports, as the start prints): chrome://inspect, node inspect 127.0.0.1:9229;',
    '                         calls paused at a breakpoint do not time out',
    '',
    'Environment:',
    ...portNames.map((name) =>
      row(localPorts[name].variable, String(localPorts[name].default), localPorts[name].serves),
    ),
    row('DATA_DIR', '.data/', 'where pets, users and keys are kept (at the repository root)'),
    row('WEB_API_MODE', 'token', 'which API the SPA calls: token, or iam (SigV4-signed calls)'),
    row(
      'PARTNER_QUOTA_LIMIT',
      '-',
      "the partner API key's requests a day (template: PartnerQuotaLimit)",
    ),
    row(
      'LOG_FORMAT',
      '-',
      'text or json: the request and function lines (default: text on a terminal)',
    ),
    row('NO_COLOR', '-', 'set: no colours on a terminal'),
  ].join('\n'),
  options: {
    memory: { type: 'boolean' },
    'no-watch': { type: 'boolean' },
    template: { type: 'string' },
    'parameter-overrides': { type: 'string', multiple: true },
    'env-vars': { type: 'string' },
    inspect: { type: 'string' },
  },
  bareValues: { inspect: '9229' },
} as const;
const { values } = readCommandLine(spec);

let config: ReturnType<typeof readLocalConfig>;
try {
  config = readLocalConfig(process.env, await startFlags(values));
} catch (error) {
  if (error instanceof StartOptionError) exitWithMistake(spec, error.message);
  if (error instanceof LocalConfigError) {
    console.error(`pnpm start: ${error.message}`);
    process.exit(2);
  }
  throw error;
}

const log = {
  info: (line: string) => console.log(line),
  warn: (line: string) => console.warn(line),
};

let starting: Promise<Stack> | undefined;
let stopping = false;
async function stop(reason: string, exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${reason}: stopping...`);
  // A build still running during the start is stopped, so that the start ends at once.
  await stopSupervisedChildren();
  const stack = await starting?.catch(() => undefined);
  await stack?.close();
  console.log('Stopped.');
  process.exit(exitCode);
}
// Registered before anything starts, so that a signal at any moment stops what is running.
for (const signal of stopSignals) process.on(signal, () => void stop(signal, 0));

// When the process that started it dies (pnpm or tsx killed outright), the stack is orphaned:
// it notices (its parent changes) and stops, instead of holding the ports and DATA_DIR.
const startedBy = process.ppid;
setInterval(() => {
  if (process.ppid !== startedBy) void stop(`The parent process (PID ${startedBy}) is gone`, 0);
}, 1_000).unref();

try {
  const { startStack } = await quietImport(() => import('../stack/start-stack'));
  starting = startStack(config, log, {
    onDataDirGone: (message) => {
      console.error(`\n${message} Stopping; start again to create a fresh, seeded one.`);
      void stop('DATA_DIR deleted', 1);
    },
  });
  const stack = await starting;
  if (!stopping) console.log(banner(stack, config));
} catch (error) {
  if (!stopping) {
    console.error(`\npnpm start failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
