import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { SeedUsersError } from '../errors';
import { isPasswordHash } from './password-hash';

const seedUserSchema = z.object({
  sub: z.string().regex(/^database\|[\w.-]+$/, 'must look like database|<id>'),
  email: z.email(),
  name: z.string().trim().min(1),
  passwordHash: z
    .string()
    .refine(isPasswordHash, 'must be a $scrypt$ PHC string (pnpm hash-password)'),
  /** Shown in the start banner so people can sign in; leave it out for anyone not a demo. */
  demoPassword: z.string().optional(),
});

const seedFileSchema = z.object({ users: z.array(seedUserSchema).min(1) });

/** A database-connection user from the seed file. */
export type SeedUser = z.output<typeof seedUserSchema>;

/**
 * Reads and validates the seed users file (database connection).
 *
 * @throws {SeedUsersError} when the file is unreadable, invalid, or repeats an email or subject.
 * @example
 * const users = await loadSeedUsers(devIdpDefaults.seedUsersFile);
 */
export async function loadSeedUsers(file: string): Promise<readonly SeedUser[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new SeedUsersError(`Cannot read the seed users file ${file}`, { cause: error });
  }
  const result = seedFileSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new SeedUsersError(`Seed users file ${file}: ${issue?.path.join('.')} ${issue?.message}`);
  }
  const { users } = result.data;
  const emails = new Set(users.map((user) => user.email.toLowerCase()));
  const subs = new Set(users.map((user) => user.sub));
  if (emails.size !== users.length || subs.size !== users.length) {
    throw new SeedUsersError(`Seed users file ${file} repeats an email or a sub`);
  }
  return users;
}

/** A seed user with a demo password: shown at start and on the sign-in page, to sign in with. */
export interface DemoUser {
  readonly email: string;
  readonly name: string;
  readonly password: string;
}

/**
 * The seed users that carry a `demoPassword` (the package's own seed file's): the local demo
 * accounts. A seed file without demo passwords has none, and nothing shows them.
 *
 * @example
 * demoUsersOf(await loadSeedUsers(devIdpDefaults.seedUsersFile))
 * // [{ email: 'admin@petstore.local', name: 'Ada Admin', password: 'petstore-admin-demo' }, ...]
 */
export function demoUsersOf(users: readonly SeedUser[]): readonly DemoUser[] {
  return users.flatMap(({ email, name, demoPassword }) =>
    demoPassword === undefined ? [] : [{ email, name, password: demoPassword }],
  );
}
