import { randomBytes } from 'node:crypto';
import { devIdpDefaults } from '../config/defaults';
import type { Account } from './account';
import { HashingQueue } from './hashing-queue';
import { hashPassword, verifyPassword } from './password-hash';
import type { SeedUser } from './seed-users';
import { socialSubject } from './social-subject';

const normalizeEmail = (email: string) => email.trim().toLowerCase();

/**
 * The dev-idp's users: the database connection's seed users, and the social users created the
 * first time they sign in (kept in memory, like the provider's sessions).
 */
export class AccountStore {
  readonly #seedByEmail: ReadonlyMap<string, SeedUser>;
  readonly #accounts = new Map<string, Account>();
  #decoyHash: Promise<string> | undefined;

  /**
   * @param hashing the queue every password hash of this store runs through (one per dev-idp).
   * @param subjectKey the key social subjects are derived with (see `loadSubjectKey`).
   */
  constructor(
    readonly seedUsers: readonly SeedUser[],
    private readonly hashing = new HashingQueue(devIdpDefaults.passwordHashing),
    private readonly subjectKey: Uint8Array = randomBytes(32),
  ) {
    this.#seedByEmail = new Map(seedUsers.map((user) => [normalizeEmail(user.email), user]));
    for (const user of seedUsers) {
      this.#accounts.set(user.sub, {
        accountId: user.sub,
        connection: 'database',
        email: user.email,
        name: user.name,
      });
    }
  }

  /**
   * The database account whose email and password match, or `undefined`. An unknown email costs
   * the same hashing work as a wrong password, so timing does not tell which emails exist. The
   * hashing waits its turn in the store's {@link HashingQueue}.
   *
   * @throws {HashingBusyError} when too many checks are waiting already.
   */
  async verifyDatabaseLogin(email: string, password: string): Promise<Account | undefined> {
    const user = this.#seedByEmail.get(normalizeEmail(email));
    if (!user) {
      this.#decoyHash ??= this.hashing
        .run(() => hashPassword('decoy password that matches nothing'))
        .catch((error: unknown) => {
          this.#decoyHash = undefined;
          throw error;
        });
      const decoy = await this.#decoyHash;
      await this.hashing.run(() => verifyPassword(password, decoy));
      return undefined;
    }
    const matches = await this.hashing.run(() => verifyPassword(password, user.passwordHash));
    return matches ? this.find(user.sub) : undefined;
  }

  /**
   * Signs in a user of the simulated social connection. Social accounts are keyed by the
   * upstream's identity of the user, which for this simulated upstream is the email
   * (case-insensitive): the subject is {@link socialSubject} of it, with the store's key. The first sign-in creates the
   * account with the profile given; a later one with the same email is the same account and
   * changes nothing (the name typed then is ignored), so nobody renames someone else's account.
   * Database accounts have `database|` subjects, so a social sign-in with a database user's
   * email is another account and never touches theirs.
   *
   * @throws {Error} if the subject were somehow taken by an account of another connection.
   */
  signInSocial(profile: { readonly name: string; readonly email: string }): Account {
    const accountId = socialSubject(profile.email, this.subjectKey);
    const existing = this.#accounts.get(accountId);
    if (existing) {
      if (existing.connection !== 'social') {
        throw new Error(`social subject ${accountId} belongs to a ${existing.connection} account`);
      }
      return existing;
    }
    const account: Account = {
      accountId,
      connection: 'social',
      email: profile.email.trim(),
      name: profile.name.trim(),
    };
    this.#accounts.set(accountId, account);
    return account;
  }

  find(accountId: string): Account | undefined {
    return this.#accounts.get(accountId);
  }
}
