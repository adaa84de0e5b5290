#!/usr/bin/env node
import { parseSubcommand, settle } from '@petstore/command-line';
import { DevIdpError } from './errors';

const commandList = `Commands:
  start [--memory] [--port N]                 run the local OpenID provider (default port 9000)
  rotate-keys                                 new signing key; the old one stays until its tokens expire
  token admin|buyer|m2m [--issuer URL] [--scope "create:pets ..."]
                                              print an access token from a running dev-idp
  hash-password [password]                    scrypt hash for seed-users.json (stdin if omitted)
Each command takes --help.`;

// Loaded on demand: only `start` needs oidc-provider. A Map: the command's name is the caller's.
const commands = new Map<string, (args: readonly string[]) => Promise<void>>([
  ['start', async (args) => (await import('./cli/start-command')).startCommand(args)],
  [
    'rotate-keys',
    async (args) => (await import('./cli/rotate-keys-command')).rotateKeysCommand(args),
  ],
  ['token', async (args) => (await import('./cli/token-command')).tokenCommand(args)],
  [
    'hash-password',
    async (args) => (await import('./cli/hash-password-command')).hashPasswordCommand(args),
  ],
]);

const { name, args } = settle(
  parseSubcommand(
    { usage: 'petstore-dev-idp <command>', details: commandList, commands: [...commands.keys()] },
    process.argv.slice(2),
  ),
);
commands
  .get(name)?.(args)
  .catch((error: unknown) => {
    console.error(error instanceof DevIdpError ? error.message : error);
    process.exit(1);
  });
