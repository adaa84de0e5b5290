import type { NewPet, Pet } from '@petstore/api-contract/types';
import { lazy, Suspense, useLayoutEffect, useRef, useState } from 'react';
import type { ApiFailure } from '../api/api-failure';
import { PetGrid } from './pet-grid';
import { describePet } from './pet-labels';
import { TypeFilter } from './type-filter';
import { typeFromSearch, writeTypeToUrl } from './type-in-url';
import { usePetList } from './use-pet-list';

// Admins only, so loaded on demand: one chunk of their own, outside the initial JavaScript.
const adminParts = () => import('./admin-parts');
const AddPetForm = lazy(() => adminParts().then(({ AddPetForm }) => ({ default: AddPetForm })));
const SalesPanel = lazy(() => adminParts().then(({ SalesPanel }) => ({ default: SalesPanel })));
const RemovalDialog = lazy(() =>
  adminParts().then(({ RemovalDialog }) => ({ default: RemovalDialog })),
);

export interface PetsSectionProps {
  readonly canBuy: boolean;
  readonly canAdd: boolean;
  readonly canRemove: boolean;
  /** An admin: sees who bought what, and the sales figures. */
  readonly seesSales: boolean;
  readonly mySubject: string | undefined;
}

interface Removal {
  readonly pet: Pet;
  readonly opener: HTMLButtonElement;
  readonly busy: boolean;
  readonly failure: ApiFailure | undefined;
}

/**
 * The store's main screen: the filter, the admin's add form and sales, the list and its actions.
 * What the last action did is said in a polite live region, cleared as soon as another starts (so
 * an old success never sits above a new error); focus goes where the person's next step is.
 *
 * @example
 * <PetsSection canBuy canAdd={false} canRemove={false} seesSales={false} mySubject={me.subject} />
 */
export function PetsSection(props: PetsSectionProps) {
  const { canBuy, canAdd, canRemove, seesSales, mySubject } = props;
  const list = usePetList(typeFromSearch(window.location.search));
  const [notice, setNotice] = useState('');
  const [removal, setRemoval] = useState<Removal | undefined>(undefined);
  // Counts the removals, so the sales figures are counted again after one.
  const [removals, setRemovals] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  // Where focus goes once the dialog has closed (the page behind a modal dialog is inert).
  const focusAfterDialog = useRef<HTMLElement | null>(null);

  // A layout effect: focus moves in the same commit that closes the dialog, never a frame later.
  useLayoutEffect(() => {
    if (removal || !focusAfterDialog.current) return;
    focusAfterDialog.current.focus();
    focusAfterDialog.current = null;
  }, [removal]);

  async function confirmRemoval(current: Removal) {
    setNotice('');
    setRemoval({ ...current, busy: true, failure: undefined });
    const outcome = await list.remove(current.pet);
    if (!outcome.ok) return setRemoval({ ...current, busy: false, failure: outcome.failure });
    focusAfterDialog.current = heading.current;
    setRemoval(undefined);
    setRemovals((count) => count + 1);
    setNotice(`Removed ${describePet(current.pet)}.`);
  }

  function cancelRemoval(current: Removal) {
    focusAfterDialog.current = current.opener;
    setRemoval(undefined);
  }

  const buy = (pet: Pet) => {
    setNotice('');
    return list.buy(pet);
  };
  const add = (pet: NewPet) => {
    setNotice('');
    return list.add(pet);
  };

  return (
    <section className="pets" aria-labelledby="pets-heading">
      <div className="section-head">
        <h1 id="pets-heading" ref={heading} tabIndex={-1}>
          Pets
        </h1>
        <TypeFilter
          value={list.state.type}
          onChange={(type) => {
            writeTypeToUrl(type);
            setNotice('');
            list.showType(type);
          }}
        />
      </div>
      {/* The admin's parts show once their chunk is in; the list does not wait for them. */}
      <Suspense fallback={null}>
        {canAdd && (
          <AddPetForm onAdd={add} onAdded={(pet) => setNotice(`Added ${describePet(pet)}.`)} />
        )}
        {seesSales && <SalesPanel type={list.state.type} removals={removals} />}
      </Suspense>
      <p className="notice" role="status">
        {notice}
      </p>
      <PetGrid
        list={list}
        canBuy={canBuy}
        canRemove={canRemove}
        seesBuyers={seesSales}
        mySubject={mySubject}
        onBuy={buy}
        onBought={(pet) => setNotice(`You bought ${describePet(pet)}.`)}
        onRemove={(pet, opener) => setRemoval({ pet, opener, busy: false, failure: undefined })}
      />
      {removal && (
        <Suspense fallback={null}>
          <RemovalDialog
            pet={removal.pet}
            busy={removal.busy}
            failure={removal.failure}
            onConfirm={() => void confirmRemoval(removal)}
            onCancel={() => cancelRemoval(removal)}
          />
        </Suspense>
      )}
    </section>
  );
}
