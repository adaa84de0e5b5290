import { useSignOut } from '../auth/use-sign-out';

/**
 * The banner: the store's name, who is signed in, and Sign out (which ends the session at the
 * identity provider too, through its end-session endpoint).
 *
 * @example
 * <TopBar name="Ada Admin" role="Admin" />
 */
export function TopBar({ name, role }: { name: string | undefined; role: string | undefined }) {
  const signOut = useSignOut();
  return (
    <header className="top-bar">
      <p className="brand">
        <span className="brand-mark" aria-hidden="true">
          P
        </span>
        Pet Store
      </p>
      <div className="top-bar-user">
        {name && (
          <p className="signed-in-as">
            <span className="visually-hidden">Signed in as </span>
            <span className="user-name">{name}</span>
            {role && <span className="badge badge-role">{role}</span>}
          </p>
        )}
        <button type="button" className="button button-small" onClick={signOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
