import type { Account } from './account';
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

  constructor(readonly seedUsers: readonly SeedUser[]) {
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
   * the same hashing work as a wrong password, so timing does not tell which emails exist.
   */
  async verifyDatabaseLogin(email: string, password: string): Promise<Account | undefined> {
    const user = this.#seedByEmail.get(normalizeEmail(email));
    if (!user) {
      this.#decoyHash ??= hashPassword('decoy password that matches nothing');
      await verifyPassword(password, await this.#decoyHash);
      return undefined;
    }
    return (await verifyPassword(password, user.passwordHash)) ? this.find(user.sub) : undefined;
  }

  /** Signs in a user of the simulated social connection, creating or updating their account. */
  signInSocial(profile: { readonly name: string; readonly email: string }): Account {
    const account: Account = {
      accountId: socialSubject(profile.email),
      connection: 'social',
      email: profile.email.trim(),
      name: profile.name.trim(),
    };
    this.#accounts.set(account.accountId, account);
    return account;
  }

  find(accountId: string): Account | undefined {
    return this.#accounts.get(accountId);
  }
}
