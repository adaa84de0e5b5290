/**
 * `pnpm access-token admin|buyer|m2m`: prints an access token from the running local identity
 * provider, obtained through the real flows (code + PKCE sign-in, or client credentials).
 * Reads the same DEV_IDP_PORT and WEB_PORT as `pnpm start`.
 */

import { readCommandLine } from '@petstore/command-line';
import { getAccessToken, type Persona } from '@petstore/dev-idp/tokens';
import { configuredEndpoints } from '../config/configured-endpoints';
import { readLocalConfig } from '../config/local-config';

const personas = ['admin', 'buyer', 'm2m'] as const satisfies readonly Persona[];
const {
  positionals: [chosen],
} = readCommandLine({
  usage: `pnpm access-token ${personas.join('|')}`,
  details:
    'Prints an access token from the running local stack (pnpm start); DEV_IDP_PORT, WEB_PORT.',
  options: {},
  positionals: [{ name: 'persona', choices: personas }],
});
// One of the choices: readCommandLine refuses anything else.
const persona = chosen as (typeof personas)[number];
const { ports } = readLocalConfig(process.env);
const { issuer, redirectUri } = configuredEndpoints(ports);
try {
  const token = await getAccessToken(issuer, persona, { redirectUri });
  process.stdout.write(`${token}\n`);
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  console.error(`No token from ${issuer}: ${reason}\nIs the local stack running (pnpm start)?`);
  process.exit(1);
}
