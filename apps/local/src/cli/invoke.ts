/**
 * `pnpm invoke <FunctionLogicalId> <event.json|-> [--token <token>]`: runs one function of the
 * running stack's template with an event, like `sam local invoke` without Docker, and prints
 * what it returned (stdout; the function's log lines go to stderr). The function talks to the
 * running local stack (`pnpm start`, found in DATA_DIR): its DynamoDB and identity provider,
 * with the stack's template, parameter overrides and env-vars file.
 * Sample events: apps/local/events/.
 */
import '../config/quiet-aws-sdk-notice';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { text } from 'node:stream/consumers';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { exitWithMistake, readCommandLine } from '@petstore/command-line';
import { readEnvVarsFile } from '@petstore/gateway';
import { invokeFunction } from '@petstore/gateway/invoke';
import { createConsoleLogger } from '@petstore/gateway/logger';
import { readTemplate } from '@petstore/gateway/template';
import { callerPath } from '../config/caller-path';
import { configuredEndpoints } from '../config/configured-endpoints';
import { repoRoot, templatePath } from '../config/repo-paths';
import { localIdentity } from '../iam/local-iam-settings';
import { localDynamoClient } from '../stack/local-dynamo-client';
import { localEnvironment, localParameters } from '../stack/template-settings';
import { runningStackOrExit } from './running-stack-or-exit';

const spec = {
  usage: 'pnpm invoke <FunctionLogicalId> <event.json|-> [--token <token>]',
  details: [
    "Runs one function of the running stack's template (pnpm start) with the event: a file, or - for",
    'stdin. Sample events in apps/local/events/. What it returns goes to stdout, its log lines to stderr.',
    '',
    '  --token <token>   the authorizationToken of a TOKEN authorizer event ("Bearer " added when',
    '                    missing), e.g. --token "$(pnpm -s access-token buyer)"',
  ].join('\n'),
  options: { token: { type: 'string' } },
  positionals: [{ name: 'FunctionLogicalId' }, { name: 'event.json|-' }],
} as const;
const {
  values,
  positionals: [functionId = '', eventSource = ''],
} = readCommandLine(spec);

const fail = (message: string): never => {
  console.error(`pnpm invoke: ${message}`);
  process.exit(1);
};

/** The event: from stdin with `-`, else from the file (the caller's path). */
async function readEvent(): Promise<{ readonly event: unknown; readonly name: string }> {
  const fromStdin = eventSource === '-';
  const name = fromStdin ? 'the event on stdin' : eventSource;
  let body: string;
  if (fromStdin) {
    if (process.stdin.isTTY)
      console.error('pnpm invoke: reading the event from stdin (Ctrl-D ends it)');
    body = await text(process.stdin);
  } else {
    try {
      body = await readFile(callerPath(eventSource), 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      exitWithMistake(
        spec,
        `<event.json> ${eventSource}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
      );
    }
  }
  try {
    return { event: JSON.parse(body), name };
  } catch (error) {
    // Node's message ends with the text it read, which may run over lines: the reason is enough.
    const reason = (error as Error).message.replace(/, ".*" is not valid JSON$/s, '');
    return fail(`${name} is not JSON: ${reason}`);
  }
}

/** The event with `--token` as its authorizationToken; only a TOKEN authorizer event takes one. */
function withToken(event: unknown, name: string): unknown {
  if (values.token === undefined) return event;
  const type = (event as { type?: unknown } | null)?.type;
  if (type !== 'TOKEN') {
    exitWithMistake(
      spec,
      `--token fills the authorizationToken of a TOKEN authorizer event; ${name} is not one (its "type" is ${JSON.stringify(type) ?? 'missing'}), e.g. events/authorizer-token.json`,
    );
  }
  const token = /^bearer /i.test(values.token) ? values.token : `Bearer ${values.token}`;
  return { ...(event as object), authorizationToken: token };
}

const { stack } = runningStackOrExit('pnpm invoke');
const endpoints = configuredEndpoints(stack.ports);
const template = stack.record?.template ?? templatePath;
const parameters = { ...localParameters(endpoints), ...stack.record?.parameterOverrides };
const local = localEnvironment(endpoints);
let fileEnvironment: Record<string, Readonly<Record<string, string>>> = {};
try {
  if (stack.record?.envVarsFile) fileEnvironment = { ...readEnvVarsFile(stack.record.envVarsFile) };
} catch (error) {
  fail(`the stack's --env-vars file: ${(error as Error).message}`);
}
const environment = {
  ...fileEnvironment,
  '*': { ...local['*'], ...fileEnvironment['*'] },
};

const { event, name } = await readEvent();
const invoked = withToken(event, name);

const model = await readTemplate(template, { parameters, identity: localIdentity }).catch(
  (error: Error) => fail(error.message),
);
const fn = model.functions.get(functionId);
if (!fn) {
  exitWithMistake(
    spec,
    `${relative(repoRoot, template) || template} has no function ${functionId}; it has ${[...model.functions.keys()].join(', ')}`,
  );
}

// A function of the table: say plainly when the stack's DynamoDB or the table is not there,
// rather than let the function answer 503.
const tableName = fn.environment.TABLE_NAME;
if (tableName) {
  const client = localDynamoClient(endpoints.dynamoEndpoint);
  try {
    await client.send(new ScanCommand({ TableName: tableName, Limit: 1 }));
  } catch (error) {
    const { name: errorName, message } = error as Error;
    fail(
      errorName === 'ResourceNotFoundException'
        ? `the table ${tableName} does not exist in the stack's DynamoDB (${endpoints.dynamoEndpoint}): the stack creates it at its start; is it still starting?`
        : `the stack's DynamoDB (${endpoints.dynamoEndpoint}) is not reachable: ${message}. Is the stack${stack.record ? ` (PID ${stack.record.pid})` : ''} still running?`,
    );
  } finally {
    client.destroy();
  }
}

// The function's log lines to stderr (readable on a terminal, JSON when piped), its result alone on stdout.
const lines = createConsoleLogger({ stdout: process.stderr });
try {
  const outcome = await invokeFunction({
    templatePath: template,
    functionId,
    event: invoked,
    parameters,
    environment,
    // The template's warnings are pnpm start's to print; a function that cannot load is said here.
    logger: {
      functionLog: lines.functionLog,
      info: () => {},
      warn: lines.warn,
      error: lines.error,
    },
  });
  if (outcome.ok) {
    console.log(JSON.stringify(JSON.parse(outcome.payload), null, 2));
  } else {
    fail(`${outcome.reason}: ${outcome.error.errorType}: ${outcome.error.errorMessage}`);
  }
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
