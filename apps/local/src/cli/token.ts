/**
 * `pnpm token admin|buyer|m2m`: prints an access token from the running local identity
 * provider, obtained through the real flows (code + PKCE sign-in, or client credentials).
 */
import { getAccessToken, type Persona } from '@petstore/dev-idp/tokens';

const personas = ['admin', 'buyer', 'm2m'] as const satisfies readonly Persona[];
const persona = process.argv[2] as Persona | undefined;
const issuer = process.env.TOKEN_ISSUER ?? `http://127.0.0.1:${process.env.DEV_IDP_PORT ?? 9000}`;

if (!persona || !personas.includes(persona)) {
  console.error(`Usage: pnpm token ${personas.join('|')}`);
  process.exit(2);
}
try {
  process.stdout.write(`${await getAccessToken(issuer, persona)}\n`);
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  console.error(`No token from ${issuer}: ${reason}\nIs the local stack running (pnpm start)?`);
  process.exit(1);
}
