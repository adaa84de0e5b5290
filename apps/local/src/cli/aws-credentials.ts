/**
 * `pnpm aws-credentials admin|buyer`: temporary AWS credentials for a demo user from the running
 * local stack (sign-in at the dev-idp, then AssumeRoleWithWebIdentity at the local STS), printed
 * as shell `export` lines, like `aws configure export-credentials --format env`:
 *
 *   eval "$(pnpm -s aws-credentials buyer)"
 *
 * Also exports PET_ID_TOKEN (the ID token, for `X-Id-Token` on a purchase) and the URLs.
 */

import '../config/quiet-aws-sdk-notice';
import { readCommandLine } from '@petstore/command-line';
import { configuredEndpoints } from '../config/configured-endpoints';
import { localIamSettings } from '../iam/local-iam-settings';
import { roleCredentials } from '../iam/role-credentials';
import { runningStackOrExit } from './running-stack-or-exit';

const personas = ['admin', 'buyer'] as const;
const {
  positionals: [chosen],
} = readCommandLine({
  usage: `pnpm aws-credentials ${personas.join('|')}`,
  details: 'Prints export lines for the shell: eval "$(pnpm -s aws-credentials buyer)"',
  options: {},
  positionals: [{ name: 'persona', choices: personas }],
});
// One of the choices: readCommandLine refuses anything else.
const persona = chosen as (typeof personas)[number];

const { stack } = runningStackOrExit('pnpm aws-credentials');
try {
  const endpoints = configuredEndpoints(stack.ports);
  const iam = await localIamSettings(endpoints, stack.record?.template);
  const { credentials, idToken } = await roleCredentials(persona, { ...endpoints, ...iam });
  const exports = {
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_SESSION_TOKEN: credentials.sessionToken ?? '',
    AWS_REGION: iam.region,
    AWS_CREDENTIAL_EXPIRATION: credentials.expiration?.toISOString() ?? '',
    PET_ID_TOKEN: idToken,
    IAM_API: endpoints.iamApiUrl,
    STS_ENDPOINT: endpoints.stsUrl,
  };
  for (const [name, value] of Object.entries(exports)) {
    process.stdout.write(`export ${name}='${value.replaceAll("'", `'\\''`)}'\n`);
  }
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  console.error(
    `pnpm aws-credentials: no credentials: ${reason}\n${stack.record ? `The stack (PID ${stack.record.pid}) does not answer: is it still starting?` : 'Is a local stack running on these ports (pnpm start)?'}`,
  );
  process.exit(1);
}
