import { roleOf } from '@petstore/domain/roles';
import type { User } from 'oidc-client-ts';
import { AccountPanel } from '../account/account-panel';
import { roleLabel } from '../account/role-labels';
import { useMe } from '../account/use-me';
import { useApiMode } from '../api/api-context';
import { PetsSection } from '../pets/pets-section';
import { SessionNotice } from './session-notice';
import { signedInPerson } from './signed-in-person';
import { TopBar } from './top-bar';

/**
 * What a signed-in person sees. The actions offered follow the permissions the API reports for
 * them (`GET /me`); the API checks every call anyway, so hiding a button is not the security.
 * Who they are comes from {@link signedInPerson} (in IAM mode, the ID token).
 *
 * @example
 * {auth.user && <StoreScreen user={auth.user} />}
 */
export function StoreScreen({ user }: { user: User }) {
  const { state, retry } = useMe();
  const me = state.status === 'ready' ? state.me : undefined;
  const person = signedInPerson(useApiMode(), me, user.profile);
  const can = (permission: string) =>
    me?.permissions.some((granted) => granted === permission) ?? false;
  const isAdmin = me !== undefined && roleOf(me.permissions) === 'admin';
  return (
    <div className="app">
      <a className="skip-link" href="#pets-heading">
        Skip to the pets
      </a>
      <TopBar name={person.name} role={me && roleLabel(me.permissions)} />
      <SessionNotice />
      <nav className="jump-links" aria-label="On this page">
        <a href="#pets-heading">Pets</a>
        {isAdmin && <a href="#sales">Sales</a>}
        <a href="#account">Your account</a>
      </nav>
      <div className="layout">
        <main className="main">
          <PetsSection
            canBuy={can('purchase:pets')}
            canAdd={can('create:pets')}
            canRemove={can('delete:pets')}
            seesSales={isAdmin}
            mySubject={person.subject}
          />
        </main>
        <AccountPanel state={state} retry={retry} name={person.name} />
      </div>
    </div>
  );
}
