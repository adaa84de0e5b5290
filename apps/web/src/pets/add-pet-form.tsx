import { type NewPet, type Pet, type PetType, petTypeValues } from '@petstore/api-contract/types';
import { type FormEvent, useRef, useState } from 'react';
import type { ApiFailure } from '../api/api-failure';
import type { Outcome } from '../api/call-api';
import { InlineError } from '../ui/inline-error';
import { petTypeLabels } from './pet-labels';
import { parsePrice, priceHint, priceProblem } from './price-rules';

export interface AddPetFormProps {
  readonly onAdd: (pet: NewPet) => Promise<Outcome<Pet>>;
  readonly onAdded: (pet: Pet) => void;
}

interface FieldErrors {
  readonly type?: string | undefined;
  readonly price?: string | undefined;
}

function typeProblem(type: string): string | undefined {
  return type === '' ? 'Choose a type.' : undefined;
}

/** The API's field errors (`/body/type`, `/body/price`) on the form's fields. */
function fieldErrorsOf(failure: ApiFailure): FieldErrors {
  if (failure.kind !== 'validation') return {};
  const at = (field: string) =>
    failure.fields.find((problem) => problem.pointer === `/body/${field}`)?.message;
  return { type: at('type'), price: at('price') };
}

/**
 * The admin's form to put a pet up for sale. The price is checked as it is typed out (on leaving
 * the field) and again on submit, with the contract's rules; nothing is sent while a field is
 * wrong, and focus goes to the first wrong field. After adding, the form clears and focus returns
 * to the type, ready for the next pet.
 *
 * @example
 * <AddPetForm onAdd={list.add} onAdded={(pet) => announce(`Added ${describePet(pet)}.`)} />
 */
export function AddPetForm({ onAdd, onAdded }: AddPetFormProps) {
  const [type, setType] = useState<PetType | ''>('');
  const [price, setPrice] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ApiFailure | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const typeField = useRef<HTMLSelectElement>(null);
  const priceField = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const found = { type: typeProblem(type), price: priceProblem(price) };
    setErrors(found);
    setFailure(undefined);
    if (found.type || found.price || type === '') {
      (found.type ? typeField : priceField).current?.focus();
      return;
    }
    setBusy(true);
    const outcome = await onAdd({ type, price: parsePrice(price) });
    setBusy(false);
    if (outcome.ok) {
      setType('');
      setPrice('');
      onAdded(outcome.data);
      typeField.current?.focus();
      return;
    }
    const fromApi = fieldErrorsOf(outcome.failure);
    if (fromApi.type || fromApi.price) {
      setErrors(fromApi);
      (fromApi.type ? typeField : priceField).current?.focus();
    } else {
      setFailure(outcome.failure);
    }
  }

  return (
    <section className="panel add-pet" aria-labelledby="add-pet-heading">
      <h2 id="add-pet-heading">Add a pet</h2>
      <form className="add-pet-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="new-pet-type">Type</label>
          <select
            id="new-pet-type"
            ref={typeField}
            value={type}
            aria-invalid={errors.type ? true : undefined}
            aria-describedby={errors.type ? 'new-pet-type-error' : undefined}
            onChange={(event) => {
              setType(event.target.value as PetType | '');
              if (errors.type) setErrors({ ...errors, type: typeProblem(event.target.value) });
            }}
          >
            <option value="">Choose a type</option>
            {petTypeValues.map((value) => (
              <option key={value} value={value}>
                {petTypeLabels[value].one}
              </option>
            ))}
          </select>
          {errors.type && (
            <p id="new-pet-type-error" className="field-error">
              {errors.type}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="new-pet-price">Price (US dollars)</label>
          <input
            id="new-pet-price"
            ref={priceField}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={price}
            aria-invalid={errors.price ? true : undefined}
            aria-describedby={
              errors.price ? 'new-pet-price-hint new-pet-price-error' : 'new-pet-price-hint'
            }
            onChange={(event) => {
              setPrice(event.target.value);
              if (errors.price) setErrors({ ...errors, price: priceProblem(event.target.value) });
            }}
            onBlur={() =>
              price.trim() !== '' && setErrors({ ...errors, price: priceProblem(price) })
            }
          />
          <p id="new-pet-price-hint" className="field-hint">
            {priceHint}
          </p>
          {errors.price && (
            <p id="new-pet-price-error" className="field-error">
              {errors.price}
            </p>
          )}
        </div>
        <button type="submit" className="button button-primary" aria-disabled={busy}>
          {busy ? 'Adding…' : 'Add pet'}
        </button>
      </form>
      {failure && <InlineError failure={failure} />}
    </section>
  );
}
