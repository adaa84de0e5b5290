/**
 * `pnpm access-token admin|buyer|m2m`: prints an access token from the running local identity
 * provider, obtained through the real flows (code + PKCE sign-in, or client credentials), of
 * the stack recorded in DATA_DIR (its own ports; DEV_IDP_PORT and WEB_PORT, when set, win).
 */

import { readCommandLine } from '@petstore/command-line';
import { getAccessToken, type Persona } from '@petstore/dev-idp/tokens';
import { configuredEndpoints } from '../config/configured-endpoints';
import { runningStackOrExit } from './running-stack-or-exit';

const personas = ['admin', 'buyer', 'm2m'] as const satisfies readonly Persona[];
const {
  positionals: [chosen],
} = readCommandLine({
  usage: `pnpm access-token ${personas.join('|')}`,
  details:
    'Prints an access token from the running local stack (pnpm start), found in DATA_DIR; DEV_IDP_PORT and WEB_PORT, when set, win.',
  options: {},
  positionals: [{ name: 'persona', choices: personas }],
});
// One of the choices: readCommandLine refuses anything else.
const persona = chosen as (typeof personas)[number];
const { stack } = runningStackOrExit('pnpm access-token');
const { issuer, redirectUri } = configuredEndpoints(stack.ports);
try {
  const token = await getAccessToken(issuer, persona, { redirectUri });
  process.stdout.write(`${token}\n`);
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  console.error(
    `pnpm access-token: no token from ${issuer}: ${reason}\n${stack.record ? `The stack (PID ${stack.record.pid}) does not answer: is it still starting?` : 'Is a local stack running on these ports (pnpm start)?'}`,
  );
  process.exit(1);
}
