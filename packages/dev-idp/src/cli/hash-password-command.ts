import { text } from 'node:stream/consumers';
import { readCommandLine } from '@petstore/command-line';
import { hashPassword } from '../accounts/password-hash';

/**
 * `hash-password [password]`: prints the scrypt hash to put in `seed-users.json`. Reads the
 * password from stdin when not given (keeps it out of the shell history).
 *
 * @example
 * await hashPasswordCommand(['correct horse battery staple']);
 */
export async function hashPasswordCommand(args: readonly string[]): Promise<void> {
  const {
    positionals: [given],
  } = readCommandLine(
    {
      usage: 'petstore-dev-idp hash-password [password]',
      details:
        'Prints the scrypt hash for seed-users.json; reads the password from stdin if omitted.',
      options: {},
      positionals: [{ name: 'password', optional: true }],
    },
    args,
  );
  const password = given ?? (await text(process.stdin)).replace(/\r?\n$/, '');
  if (!password) throw new Error('Give a password (argument or stdin)');
  console.log(await hashPassword(password));
}
