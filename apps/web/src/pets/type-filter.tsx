import { type PetType, petTypeValues } from '@petstore/api-contract/types';
import { petTypeLabels } from './pet-labels';

export interface TypeFilterProps {
  readonly value: PetType | undefined;
  readonly onChange: (type: PetType | undefined) => void;
}

/**
 * Which pets to show: all, or one type from the contract's enum. A radio group, so arrow keys move
 * between the choices.
 *
 * @example
 * <TypeFilter value="cat" onChange={showType} />
 */
export function TypeFilter({ value, onChange }: TypeFilterProps) {
  const choices = [
    { value: undefined, label: 'All pets' },
    ...petTypeValues.map((type) => ({ value: type, label: petTypeLabels[type].many })),
  ];
  return (
    <fieldset className="type-filter">
      <legend className="visually-hidden">Show</legend>
      {choices.map((choice) => (
        <label key={choice.label} className="chip">
          <input
            type="radio"
            name="pet-type"
            value={choice.value ?? ''}
            checked={choice.value === value}
            onChange={() => onChange(choice.value)}
          />
          <span>{choice.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
