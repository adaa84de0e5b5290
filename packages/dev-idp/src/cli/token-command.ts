import { readCommandLine } from '@petstore/command-line';
import { resolveDevIdpConfig } from '../config/dev-idp-config';
import { getAccessToken, type Persona } from '../flows/get-access-token';

const personas = ['admin', 'buyer', 'm2m'] as const satisfies readonly Persona[];

/**
 * `token admin|buyer|m2m [--issuer URL] [--scope S]`: prints an access token from a running
 * dev-idp, obtained through the real flows. Only the token goes to stdout.
 *
 * @example
 * await tokenCommand(['buyer', '--issuer', 'http://127.0.0.1:9000']);
 */
export async function tokenCommand(args: readonly string[]): Promise<void> {
  const {
    values,
    positionals: [chosen],
  } = readCommandLine(
    {
      usage: `petstore-dev-idp token ${personas.join('|')} [--issuer URL] [--scope "create:pets ..."]`,
      details: [
        '  --issuer URL   the running dev-idp (default http://DEV_IDP_HOST:DEV_IDP_PORT)',
        '  --scope S      permissions to ask for, beyond what the persona gets by default',
      ].join('\n'),
      options: { issuer: { type: 'string' }, scope: { type: 'string' } },
      positionals: [{ name: 'persona', choices: personas }],
    },
    args,
  );
  // One of the choices: readCommandLine refuses anything else.
  const persona = chosen as Persona;
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
