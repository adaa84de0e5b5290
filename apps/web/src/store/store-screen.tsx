import type { User } from 'oidc-client-ts';
import { AccountPanel } from '../account/account-panel';
import { roleLabel } from '../account/role-labels';
import { useMe } from '../account/use-me';
import { PetsSection } from '../pets/pets-section';
import { SessionNotice } from './session-notice';
import { TopBar } from './top-bar';

/**
 * What a signed-in person sees. The actions offered follow the permissions the API reports for
 * them (`GET /me`); the API checks every call anyway, so hiding a button is not the security.
 *
 * @example
 * {auth.user && <StoreScreen user={auth.user} />}
 */
export function StoreScreen({ user }: { user: User }) {
  const { state, retry } = useMe();
  const me = state.status === 'ready' ? state.me : undefined;
  const can = (permission: string) =>
    me?.permissions.some((granted) => granted === permission) ?? false;
  return (
    <div className="app">
      <a className="skip-link" href="#pets-heading">
        Skip to the pets
      </a>
      <TopBar name={me?.name ?? user.profile.name} role={me && roleLabel(me.permissions)} />
      <SessionNotice />
      <div className="layout">
        <main className="main">
          <PetsSection
            canBuy={can('purchase:pets')}
            canAdd={can('create:pets')}
            canRemove={can('delete:pets')}
            mySubject={me?.subject}
          />
        </main>
        <AccountPanel state={state} retry={retry} />
      </div>
    </div>
  );
}
