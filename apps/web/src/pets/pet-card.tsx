import type { Pet } from '@petstore/api-contract/types';
import { useLayoutEffect, useRef, useState } from 'react';
import type { ApiFailure } from '../api/api-failure';
import type { Outcome } from '../api/call-api';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { InlineError } from '../ui/inline-error';
import { petArt } from './pet-art';
import {
  describePet,
  describePetFirst,
  formatDay,
  formatMoment,
  formatPrice,
  petNumber,
  petTypeLabels,
} from './pet-labels';

export interface PetCardProps {
  readonly pet: Pet;
  /** Someone else bought it while it showed here as for sale. */
  readonly gone: boolean;
  readonly canBuy: boolean;
  readonly canRemove: boolean;
  /** An admin: shown who bought each sold pet, and when (the API gives admins `soldTo`). */
  readonly seesBuyers: boolean;
  /** The signed-in person's subject, to say "you" on their own purchases. */
  readonly mySubject: string | undefined;
  readonly onBuy: (pet: Pet) => Promise<Outcome<Pet>>;
  readonly onRemove: (pet: Pet, opener: HTMLButtonElement) => void;
  readonly onBought: (pet: Pet) => void;
}

/** The 409 on Buy, in the card: short enough for a phone's line or two. */
const alreadySoldText = 'Sorry, someone else bought this pet first.';

/**
 * One pet: its picture, type, price, what tells it from others of its kind (when it was listed,
 * the end of its id), for sale or sold, and what this person may do with it. Buy asks first,
 * naming the price; afterwards focus moves to the pet's status so keyboard and screen-reader
 * users hear how it went.
 *
 * @example
 * <PetCard pet={pet} gone={false} canBuy canRemove={false} seesBuyers={false}
 *   mySubject={me.subject} onBuy={buy} onBought={announce} onRemove={askToRemove} />
 */
export function PetCard(props: PetCardProps) {
  const { pet, gone, canBuy, canRemove, seesBuyers, mySubject, onBuy, onRemove, onBought } = props;
  const [asking, setAsking] = useState(false);
  const [buying, setBuying] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | undefined>(undefined);
  const status = useRef<HTMLParagraphElement>(null);
  const buyButton = useRef<HTMLButtonElement>(null);
  // Where focus goes once the dialog has closed (the page behind a modal dialog is inert).
  const focusAfterDialog = useRef<HTMLElement | null>(null);
  const label = petTypeLabels[pet.type].one;
  const headingId = `pet-${pet.id}`;
  const named = `${describePet(pet)}, ${petNumber(pet.id)}`;

  useLayoutEffect(() => {
    if (asking || !focusAfterDialog.current) return;
    focusAfterDialog.current.focus();
    focusAfterDialog.current = null;
  }, [asking]);

  async function buy(fromDialog: boolean) {
    setBuying(true);
    setFailure(undefined);
    const outcome = await onBuy(pet);
    setBuying(false);
    if (outcome.ok) onBought(outcome.data);
    else setFailure(outcome.failure);
    if (!fromDialog) return status.current?.focus();
    focusAfterDialog.current = status.current;
    setAsking(false);
  }

  return (
    <article className={`pet-card pet-${pet.type}`} aria-labelledby={headingId}>
      <div className="pet-art">
        <img src={petArt[pet.type]} alt="" width="160" height="120" loading="lazy" />
      </div>
      <div className="pet-body">
        <div className="pet-title">
          <h3 id={headingId} className="pet-name">
            {label}
          </h3>
          <p className="pet-price">{formatPrice(pet.price)}</p>
        </div>
        <p className="pet-facts">
          <span>
            Listed <time dateTime={pet.createdAt}>{formatDay(pet.createdAt)}</time>
          </span>
          <span className="pet-number">{petNumber(pet.id)}</span>
        </p>
        <p className="pet-status" ref={status} tabIndex={-1}>
          <StatusBadge pet={pet} gone={gone} seesBuyers={seesBuyers} mySubject={mySubject} />
        </p>
        {seesBuyers && pet.soldTo && (
          <p className="sale-details">
            <span className="subject">{pet.soldTo.subject}</span>
            {pet.soldAt && (
              <span>
                Sold <time dateTime={pet.soldAt}>{formatMoment(pet.soldAt)}</time>
              </span>
            )}
          </p>
        )}
        <div className="pet-actions">
          {canBuy && !pet.isSold && !gone && (
            <button
              ref={buyButton}
              type="button"
              className="button button-primary"
              aria-disabled={buying}
              onClick={() => buying || setAsking(true)}
            >
              {buying ? 'Buying…' : 'Buy'}
              <span className="visually-hidden"> {named}</span>
            </button>
          )}
          {canRemove && (
            <button
              type="button"
              className="button button-quiet"
              onClick={(event) => onRemove(pet, event.currentTarget)}
            >
              Remove<span className="visually-hidden"> {named}</span>
            </button>
          )}
        </div>
      </div>
      {failure && (
        <InlineError
          failure={failure}
          onRetry={() => void buy(false)}
          {...(failure.kind === 'already-sold' ? { text: alreadySoldText } : {})}
        />
      )}
      {asking && (
        <ConfirmDialog
          title={`Buy this ${label.toLowerCase()}?`}
          confirmLabel={`Buy for ${formatPrice(pet.price)}`}
          busyLabel="Buying…"
          busy={buying}
          tone="primary"
          onConfirm={() => void buy(true)}
          onCancel={() => {
            focusAfterDialog.current = buyButton.current;
            setAsking(false);
          }}
        >
          <p>
            {`${describePetFirst(pet)} (${petNumber(pet.id)}, listed ${formatDay(pet.createdAt)}).`}
          </p>
          <p>Buying is final: the pet is yours, and nobody else can buy it.</p>
        </ConfirmDialog>
      )}
    </article>
  );
}

function StatusBadge(props: Pick<PetCardProps, 'pet' | 'gone' | 'seesBuyers' | 'mySubject'>) {
  const { pet, gone, seesBuyers, mySubject } = props;
  if (pet.soldTo && mySubject !== undefined && pet.soldTo.subject === mySubject) {
    return <span className="badge badge-mine">Sold to you</span>;
  }
  if (pet.soldTo && seesBuyers) {
    return <span className="badge badge-sold">Sold to {pet.soldTo.name}</span>;
  }
  if (pet.isSold || gone) return <span className="badge badge-sold">Sold</span>;
  return <span className="badge badge-sale">For sale</span>;
}
