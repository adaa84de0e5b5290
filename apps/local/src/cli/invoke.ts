/**
 * `pnpm invoke <FunctionLogicalId> <event.json>`: runs one function of infra/template.yaml with
 * an event, like `sam local invoke` without Docker, and prints what it returned. The function
 * talks to the running local stack (`pnpm start`): its DynamoDB and identity provider.
 * Sample events: apps/local/events/.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readCommandLine } from '@petstore/command-line';
import { invokeFunction } from '@petstore/gateway/invoke';
import { configuredEndpoints } from '../config/configured-endpoints';
import { readLocalConfig } from '../config/local-config';
import { templatePath } from '../config/repo-paths';
import { localEnvironment, localParameters } from '../stack/template-settings';

const {
  positionals: [functionId = '', eventFile = ''],
} = readCommandLine({
  usage: 'pnpm invoke <FunctionLogicalId> <event.json>',
  details:
    'Runs one function of infra/template.yaml with the event; sample events in apps/local/events/.',
  options: {},
  positionals: [{ name: 'FunctionLogicalId' }, { name: 'event.json' }],
});

try {
  const { ports } = readLocalConfig(process.env);
  const endpoints = configuredEndpoints(ports);
  // pnpm runs scripts from the repository root; a relative path is the caller's.
  const event = JSON.parse(
    await readFile(resolve(process.env.INIT_CWD ?? process.cwd(), eventFile), 'utf8'),
  );
  const outcome = await invokeFunction({
    templatePath,
    functionId,
    event,
    parameters: localParameters(endpoints),
    environment: localEnvironment(endpoints),
  });
  if (outcome.ok) {
    console.log(JSON.stringify(JSON.parse(outcome.payload), null, 2));
  } else {
    console.error(`${outcome.reason}: ${outcome.error.errorType}: ${outcome.error.errorMessage}`);
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`pnpm invoke failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
