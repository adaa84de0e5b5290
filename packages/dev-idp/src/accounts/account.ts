import type { ConnectionKind } from '@petstore/domain/roles';

/** A user known to the dev-idp, whichever connection they signed in with. */
export interface Account {
  /** The token subject: `database|<id>` or `amazon-demo|<hash of the email>`. */
  readonly accountId: string;
  readonly connection: ConnectionKind;
  readonly email: string;
  readonly name: string;
}
