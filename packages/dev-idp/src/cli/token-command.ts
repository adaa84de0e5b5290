import { parseArgs } from 'node:util';
import { resolveDevIdpConfig } from '../config/dev-idp-config';
import { DevIdpConfigError } from '../errors';
import { getAccessToken, type Persona } from '../flows/get-access-token';

const personas: readonly Persona[] = ['admin', 'buyer', 'm2m'];
const isPersona = (value: string | undefined): value is Persona =>
  personas.includes(value as Persona);

/**
 * `token admin|buyer|m2m [--issuer URL] [--scope S]`: prints an access token from a running
 * dev-idp, obtained through the real flows. Only the token goes to stdout.
 *
 * @example
 * await tokenCommand(['buyer', '--issuer', 'http://127.0.0.1:9000']);
 */
export async function tokenCommand(args: readonly string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { issuer: { type: 'string' }, scope: { type: 'string' } },
  });
  const [persona] = positionals;
  if (!isPersona(persona)) {
    throw new DevIdpConfigError(`Say whose token: token ${personas.join('|')} [--issuer URL]`);
  }
  const config = resolveDevIdpConfig();
  const issuer = values.issuer ?? `http://${config.host}:${config.port}`;
  const scope = values.scope;
  const token = await getAccessToken(issuer, persona, {
    audience: config.audience,
    m2m: { clientSecret: config.m2m.clientSecret, ...(scope === undefined ? {} : { scope }) },
    ...(scope === undefined ? {} : { scope: `openid profile email offline_access ${scope}` }),
  });
  console.log(token);
}
