import { InlineError } from '../ui/inline-error';
import { permissionLabels, roleLabel } from './role-labels';
import type { MeState } from './use-me';

/**
 * "Who am I": the caller as the API sees them (`GET /me`): display name, role, and what the role
 * may do in plain words (never the raw scope codes such as `read:pets`).
 * `name`, when given, is shown instead of the API's (IAM mode: the API sees a role session).
 *
 * @example
 * const { state, retry } = useMe();
 * <AccountPanel state={state} retry={retry} name={person.name} />
 */
export function AccountPanel({
  state,
  retry,
  name,
}: {
  state: MeState;
  retry: () => void;
  name?: string | undefined;
}) {
  return (
    <aside className="panel account" id="account" aria-labelledby="account-heading">
      <h2 id="account-heading">Who am I</h2>
      {state.status === 'loading' && (
        <p role="status">
          <span className="spinner" aria-hidden="true" />
          Loading your details…
        </p>
      )}
      {state.status === 'failed' && <InlineError failure={state.failure} onRetry={retry} />}
      {state.status === 'ready' && (
        <dl className="account-details">
          <dt>Name</dt>
          <dd>{name ?? state.me.name}</dd>
          <dt>Role</dt>
          <dd>
            <span className="badge badge-role">{roleLabel(state.me.permissions)}</span>
          </dd>
          <dt>Permissions</dt>
          <dd>
            <ul className="permissions">
              {state.me.permissions.map((permission) => (
                <li key={permission}>{permissionLabels[permission]}</li>
              ))}
            </ul>
          </dd>
        </dl>
      )}
      <p className="hint">
        Your role comes from how you signed in: staff accounts manage the store, shoppers buy.
      </p>
    </aside>
  );
}
