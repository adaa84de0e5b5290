import type { Pet } from '@petstore/api-contract/types';
import { useLayoutEffect, useRef, useState } from 'react';
import type { ApiFailure } from '../api/api-failure';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { InlineError } from '../ui/inline-error';
import { AddPetForm } from './add-pet-form';
import { PetGrid } from './pet-grid';
import { describePet } from './pet-labels';
import { TypeFilter } from './type-filter';
import { typeFromSearch, writeTypeToUrl } from './type-in-url';
import { usePetList } from './use-pet-list';

export interface PetsSectionProps {
  readonly canBuy: boolean;
  readonly canAdd: boolean;
  readonly canRemove: boolean;
  readonly mySubject: string | undefined;
}

interface Removal {
  readonly pet: Pet;
  readonly opener: HTMLButtonElement;
  readonly busy: boolean;
  readonly failure: ApiFailure | undefined;
}

/**
 * The store's main screen: the filter, the admin's add form, the list and its actions. What each
 * action did is said in a polite live region; focus goes where the person's next step is.
 *
 * @example
 * <PetsSection canBuy canAdd={false} canRemove={false} mySubject={me.subject} />
 */
export function PetsSection({ canBuy, canAdd, canRemove, mySubject }: PetsSectionProps) {
  const list = usePetList(typeFromSearch(window.location.search));
  const [notice, setNotice] = useState('');
  const [removal, setRemoval] = useState<Removal | undefined>(undefined);
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
    setRemoval({ ...current, busy: true, failure: undefined });
    const outcome = await list.remove(current.pet);
    if (!outcome.ok) return setRemoval({ ...current, busy: false, failure: outcome.failure });
    focusAfterDialog.current = heading.current;
    setRemoval(undefined);
    setNotice(`Removed ${describePet(current.pet)}.`);
  }

  function cancelRemoval(current: Removal) {
    focusAfterDialog.current = current.opener;
    setRemoval(undefined);
  }

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
      {canAdd && (
        <AddPetForm onAdd={list.add} onAdded={(pet) => setNotice(`Added ${describePet(pet)}.`)} />
      )}
      <p className="notice" role="status">
        {notice}
      </p>
      <PetGrid
        list={list}
        canBuy={canBuy}
        canRemove={canRemove}
        mySubject={mySubject}
        onBought={(pet) => setNotice(`You bought ${describePet(pet)}.`)}
        onRemove={(pet, opener) => setRemoval({ pet, opener, busy: false, failure: undefined })}
      />
      {removal && (
        <ConfirmDialog
          title="Remove this pet?"
          confirmLabel="Remove"
          busyLabel="Removing…"
          busy={removal.busy}
          onConfirm={() => void confirmRemoval(removal)}
          onCancel={() => cancelRemoval(removal)}
        >
          <p>
            {`${describePet(removal.pet).replace(/^the/, 'The')} will no longer be listed. This cannot be undone.`}
          </p>
          {removal.failure && <InlineError failure={removal.failure} />}
        </ConfirmDialog>
      )}
    </section>
  );
}
