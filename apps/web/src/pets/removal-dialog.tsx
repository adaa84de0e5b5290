import type { Pet } from '@petstore/api-contract/types';
import type { ApiFailure } from '../api/api-failure';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { InlineError } from '../ui/inline-error';
import { describePetFirst, formatMoment, petNumber } from './pet-labels';

export interface RemovalDialogProps {
  readonly pet: Pet;
  readonly busy: boolean;
  readonly failure: ApiFailure | undefined;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/**
 * Asks before a pet is removed. The API deletes the pet's record, and a sold pet's record is the
 * only record of its sale: so a sold pet is asked about differently, saying who bought it and
 * when, that removing it erases that sale from the figures and from the buyer's view, and that
 * keeping it keeps the sale.
 *
 * @example
 * {removal && <RemovalDialog pet={removal.pet} busy={false} failure={undefined}
 *   onConfirm={remove} onCancel={close} />}
 */
export function RemovalDialog({ pet, busy, failure, onConfirm, onCancel }: RemovalDialogProps) {
  const which = `${describePetFirst(pet)} (${petNumber(pet.id)})`;
  const buyer = pet.soldTo?.name;
  return (
    <ConfirmDialog
      title={pet.isSold ? 'Remove a sold pet?' : 'Remove this pet?'}
      confirmLabel={pet.isSold ? 'Remove and erase the sale' : 'Remove'}
      busyLabel="Removing…"
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {pet.isSold ? (
        <>
          <p>
            {`${which} was sold${buyer ? ` to ${buyer}` : ''}${pet.soldAt ? ` on ${formatMoment(pet.soldAt)}` : ''}.`}
          </p>
          <p>
            The store keeps a sale only with its pet: removing the pet erases the sale too. It will
            no longer count in the sales figures, and {buyer ?? 'the buyer'} will no longer see the
            purchase. To keep the sale on record, keep the pet (Cancel). This cannot be undone.
          </p>
        </>
      ) : (
        <p>{`${which} will no longer be listed. This cannot be undone.`}</p>
      )}
      {failure && <InlineError failure={failure} />}
    </ConfirmDialog>
  );
}
