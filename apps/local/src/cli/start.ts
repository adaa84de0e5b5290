/**
 * `pnpm start [--memory] [--no-watch]`: the whole stack on this machine.
 * Ports: API_PORT (3000), DEV_IDP_PORT (9000), WEB_PORT (5173), DYNAMODB_PORT (8000); DATA_DIR.
 */
import { readLocalConfig } from '../config/local-config';
import { type Stack, startStack } from '../stack/start-stack';
import { banner } from './banner';

// The AWS SDK is pinned (TOOLCHAIN.md); its Node.js 20 notice is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const log = {
  info: (line: string) => console.log(line),
  warn: (line: string) => console.warn(line),
};

let stack: Stack | undefined;
let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping...`);
  await stack?.close();
  console.log('Stopped.');
  process.exit(0);
}
// Registered before anything starts, so that Ctrl-C at any moment stops what is running.
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

try {
  const config = readLocalConfig(process.env, process.argv.slice(2));
  stack = await startStack(config, log);
  if (stopping) await stack.close();
  else console.log(banner(stack, config));
} catch (error) {
  console.error(`\npnpm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
