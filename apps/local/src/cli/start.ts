/**
 * `pnpm start [--memory] [--no-watch]`: the whole stack on this machine, on the ports of
 * src/config/local-ports.json (each moved by its variable), data in DATA_DIR.
 * SIGINT (Ctrl-C), SIGTERM and SIGHUP (the terminal closed) stop everything it started, at any
 * moment, the start included, and so does its parent's death; the commands it runs stop with it
 * even if it is killed outright.
 */

import { readCommandLine } from '@petstore/command-line';
import { readLocalConfig } from '../config/local-config';
import { localPorts, portNames } from '../config/local-ports';
import { type Stack, startStack } from '../stack/start-stack';
import { stopSupervisedChildren } from '../stack/supervised-child';
import { banner } from './banner';

const row = (variable: string, fallback: string, meaning: string) =>
  `  ${variable.padEnd(19)} ${fallback.padEnd(6)} ${meaning}`;
const { values: flags } = readCommandLine({
  usage: 'pnpm start [--memory] [--no-watch]',
  details: [
    '  --memory     keep nothing on disk (the table, keys and users live until it stops)',
    '  --no-watch   do not rebuild and reload functions when their sources change',
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
  ].join('\n'),
  options: { memory: { type: 'boolean' }, 'no-watch': { type: 'boolean' } },
});

// The AWS SDK is pinned (the README's toolchain notes); its Node.js 20 notice is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

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
const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
for (const signal of signals) process.on(signal, () => void stop(signal, 0));

// When the process that started it dies (pnpm or tsx killed outright), the stack is orphaned:
// it notices (its parent changes) and stops, instead of holding the ports and DATA_DIR.
const startedBy = process.ppid;
setInterval(() => {
  if (process.ppid !== startedBy) void stop(`The parent process (PID ${startedBy}) is gone`, 0);
}, 1_000).unref();

try {
  const config = readLocalConfig(process.env, {
    memory: flags.memory === true,
    noWatch: flags['no-watch'] === true,
  });
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
