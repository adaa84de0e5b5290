import { exitWithMistake, readCommandLine } from '@petstore/command-line';
import { stopOnSignals } from '@petstore/command-line/signals';
import { startDevIdp } from '../server/start-dev-idp';
import { formatBanner } from './banner';

const spec = {
  usage: 'petstore-dev-idp start [--memory] [--port N]',
  details: [
    '  --memory   throwaway keys and accounts, nothing on disk',
    '  --port N   listen on N (default DEV_IDP_PORT, else 9000; 0: any free port)',
  ].join('\n'),
  options: { memory: { type: 'boolean' }, port: { type: 'string' } },
} as const;

/**
 * `start [--memory] [--port N]`: runs the dev-idp until SIGINT, SIGTERM or SIGHUP.
 *
 * @example
 * await startCommand(['--memory', '--port', '9100']);
 */
export async function startCommand(args: readonly string[]): Promise<void> {
  const { values } = readCommandLine(spec, args);
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65_535)) {
    exitWithMistake(spec, `--port must be a port number, not '${values.port}'`);
  }
  const idp = await startDevIdp({
    ...(values.memory ? { memory: true } : {}),
    ...(port === undefined ? {} : { port }),
    log: (message) => console.error(message),
  });
  console.log(formatBanner(idp));
  idp.onKeysChange(({ signingKid, publishedKids }) => {
    console.log(
      `dev-idp: keys reloaded; signing with ${signingKid}, publishing ${publishedKids.join(', ')}`,
    );
  });
  stopOnSignals(() => idp.close());
}
