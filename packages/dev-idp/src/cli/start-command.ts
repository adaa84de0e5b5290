import { parseArgs } from 'node:util';
import { startDevIdp } from '../server/start-dev-idp';
import { formatBanner } from './banner';

/**
 * `start [--memory] [--port N]`: runs the dev-idp until SIGINT or SIGTERM.
 *
 * @example
 * await startCommand(['--memory', '--port', '9100']);
 */
export async function startCommand(args: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...args],
    options: { memory: { type: 'boolean' }, port: { type: 'string' } },
  });
  const idp = await startDevIdp({
    ...(values.memory ? { memory: true } : {}),
    ...(values.port === undefined ? {} : { port: Number(values.port) }),
    log: (message) => console.error(message),
  });
  console.log(formatBanner(idp));
  idp.onKeysChange(({ signingKid, publishedKids }) => {
    console.log(
      `dev-idp: keys reloaded; signing with ${signingKid}, publishing ${publishedKids.join(', ')}`,
    );
  });
  const stop = () => {
    idp.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
