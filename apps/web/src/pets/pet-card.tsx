import type { Pet } from '@petstore/api-contract/types';
import { useRef, useState } from 'react';
import type { ApiFailure } from '../api/api-failure';
import type { Outcome } from '../api/call-api';
import { InlineError } from '../ui/inline-error';
import { describePet, formatPrice, petTypeLabels } from './pet-labels';

export interface PetCardProps {
  readonly pet: Pet;
  /** Someone else bought it while it showed here as for sale. */
  readonly gone: boolean;
  readonly canBuy: boolean;
  readonly canRemove: boolean;
  /** The signed-in person's subject, to say "you" on their own purchases. */
  readonly mySubject: string | undefined;
  readonly onBuy: (pet: Pet) => Promise<Outcome<Pet>>;
  readonly onRemove: (pet: Pet, opener: HTMLButtonElement) => void;
  readonly onBought: (pet: Pet) => void;
}

/**
 * One pet: type, price, for sale or sold to whom, and what this person may do with it. After
 * Buy, focus moves to the pet's status so keyboard and screen-reader users hear how it went.
 *
 * @example
 * <PetCard pet={pet} gone={false} canBuy canRemove={false} mySubject={me.subject}
 *   onBuy={list.buy} onBought={announce} onRemove={askToRemove} />
 */
export function PetCard(props: PetCardProps) {
  const { pet, gone, canBuy, canRemove, mySubject, onBuy, onRemove, onBought } = props;
  const [buying, setBuying] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | undefined>(undefined);
  const status = useRef<HTMLParagraphElement>(null);
  const label = petTypeLabels[pet.type].one;
  const headingId = `pet-${pet.id}`;

  async function buy() {
    setBuying(true);
    setFailure(undefined);
    const outcome = await onBuy(pet);
    setBuying(false);
    if (outcome.ok) onBought(outcome.data);
    else setFailure(outcome.failure);
    status.current?.focus();
  }

  return (
    <article className={`pet-card pet-${pet.type}`} aria-labelledby={headingId}>
      <div className="pet-art" aria-hidden="true">
        {label.charAt(0)}
      </div>
      <div className="pet-body">
        <h3 id={headingId} className="pet-name">
          {label}
        </h3>
        <p className="pet-price">{formatPrice(pet.price)}</p>
        <p className="pet-status" ref={status} tabIndex={-1}>
          <StatusBadge pet={pet} gone={gone} mySubject={mySubject} />
        </p>
        {failure && (
          <InlineError
            failure={failure}
            onRetry={buy}
            {...(failure.kind === 'already-sold'
              ? { text: 'Sorry, this pet is no longer available: someone else bought it first.' }
              : {})}
          />
        )}
        <div className="pet-actions">
          {canBuy && !pet.isSold && !gone && (
            <button
              type="button"
              className="button button-primary"
              aria-disabled={buying}
              onClick={() => buying || void buy()}
            >
              {buying ? 'Buying…' : 'Buy'}
              <span className="visually-hidden"> {describePet(pet)}</span>
            </button>
          )}
          {canRemove && (
            <button
              type="button"
              className="button button-quiet"
              onClick={(event) => onRemove(pet, event.currentTarget)}
            >
              Remove<span className="visually-hidden"> {describePet(pet)}</span>
            </button>
          )}
        </div>
      </div>
    </article>
  );
}

function StatusBadge({ pet, gone, mySubject }: Pick<PetCardProps, 'pet' | 'gone' | 'mySubject'>) {
  if (pet.soldTo) {
    const you = pet.soldTo.subject === mySubject;
    return (
      <span className="badge badge-sold">
        Sold to {pet.soldTo.name}
        {you && ' (you)'}
      </span>
    );
  }
  if (pet.isSold || gone) return <span className="badge badge-gone">No longer available</span>;
  return <span className="badge badge-sale">For sale</span>;
}
