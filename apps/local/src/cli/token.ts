/**
 * `pnpm token admin|buyer|m2m`: prints an access token from the running local identity
 * provider, obtained through the real flows (code + PKCE sign-in, or client credentials).
 * Reads the same DEV_IDP_PORT and WEB_PORT as `pnpm start`.
 */
import { getAccessToken, type Persona } from '@petstore/dev-idp/tokens';
import { configuredEndpoints } from '../config/configured-endpoints';
import { readLocalConfig } from '../config/local-config';

const personas = ['admin', 'buyer', 'm2m'] as const satisfies readonly Persona[];
const persona = process.argv[2] as Persona | undefined;

if (!persona || !personas.includes(persona)) {
  console.error(`Usage: pnpm token ${personas.join('|')}`);
  process.exit(2);
}
const { ports } = readLocalConfig(process.env, []);
const { issuer, redirectUri } = configuredEndpoints(ports);
try {
  const token = await getAccessToken(issuer, persona, { redirectUri });
  process.stdout.write(`${token}\n`);
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  console.error(`No token from ${issuer}: ${reason}\nIs the local stack running (pnpm start)?`);
  process.exit(1);
}
