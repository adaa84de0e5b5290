import { DevIdpError } from './errors';

const usage = `Usage: tsx src/cli.ts <command>
  start [--memory] [--port N]                 run the local OpenID provider (default port 9000)
  rotate-keys                                 new signing key; the old one stays until its tokens expire
  token admin|buyer|m2m [--issuer URL] [--scope "create:pets ..."]
                                              print an access token from a running dev-idp
  hash-password [password]                    scrypt hash for seed-users.json (stdin if omitted)`;

// Loaded on demand: only `start` needs oidc-provider.
const commands: Record<string, (args: readonly string[]) => Promise<void>> = {
  start: async (args) => (await import('./cli/start-command')).startCommand(args),
  'rotate-keys': async () => (await import('./cli/rotate-keys-command')).rotateKeysCommand(),
  token: async (args) => (await import('./cli/token-command')).tokenCommand(args),
  'hash-password': async (args) =>
    (await import('./cli/hash-password-command')).hashPasswordCommand(args),
};

const [name = '', ...args] = process.argv.slice(2);
const command = commands[name];
if (!command) {
  console.error(usage);
  process.exit(2);
}
command(args).catch((error: unknown) => {
  console.error(error instanceof DevIdpError ? error.message : error);
  process.exit(1);
});
