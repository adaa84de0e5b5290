import type { PetType } from '@petstore/api-contract/types';
import { formatDay, formatMoment, formatPrice, petNumber, petTypeLabels } from '../pets/pet-labels';
import { InlineError } from '../ui/inline-error';
import type { Sale } from './sales-figures';
import { useSales } from './use-sales';

export interface SalesPanelProps {
  /** The list's filter: the figures are for these pets. */
  readonly type: PetType | undefined;
  /** How many pets this page removed so far (a removal can erase a sale). */
  readonly removals: number;
}

const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * The admin's sales view for the list's filter: how many pets were sold and for how much in all,
 * and who bought each (name and subject, as the API shows admins) and when, the latest first.
 * Loaded on demand (admins only), so it is not part of the initial JavaScript.
 *
 * @example
 * <SalesPanel type="dog" removals={0} />
 */
export function SalesPanel({ type, removals }: SalesPanelProps) {
  const { state, refresh } = useSales(type, removals);
  const which = type ? petTypeLabels[type].many : 'All pets';
  return (
    <section
      className="panel sales"
      id="sales"
      aria-labelledby="sales-heading"
      aria-busy={state.status === 'loading'}
    >
      <div className="sales-head">
        <h2 id="sales-heading">Sales: {which}</h2>
        <button
          type="button"
          className="button button-small"
          aria-disabled={state.status === 'loading'}
          onClick={() => state.status === 'loading' || refresh()}
        >
          Refresh<span className="visually-hidden"> the sales</span>
        </button>
      </div>
      {state.status === 'loading' && <p className="hint">Counting the sales…</p>}
      {state.status === 'failed' && <InlineError failure={state.failure} onRetry={refresh} />}
      {state.status === 'ready' && (
        <>
          <dl className="sales-figures">
            <div>
              <dt>Sold</dt>
              <dd>{count(state.figures.count, 'pet', 'pets')}</dd>
            </div>
            <div>
              <dt>Revenue</dt>
              <dd>{formatPrice(state.figures.revenueCents / 100)}</dd>
            </div>
          </dl>
          <p className="hint">
            {state.partial
              ? `Counted over the newest ${count(state.petsCounted, 'pet', 'pets')} only: the store has more.`
              : `Counted over ${count(state.petsCounted, 'pet', 'pets')} in the store.`}
          </p>
          {state.figures.sales.length > 0 && (
            <details className="sales-details">
              <summary>Who bought what</summary>
              <ol className="sales-list" aria-label="Sales, the latest first">
                {state.figures.sales.map((sale) => (
                  <SaleItem key={sale.pet.id} sale={sale} />
                ))}
              </ol>
            </details>
          )}
        </>
      )}
    </section>
  );
}

function SaleItem({ sale }: { sale: Sale }) {
  const { pet, buyer, soldAt } = sale;
  return (
    <li>
      <p>
        <strong>{petTypeLabels[pet.type].one}</strong> {petNumber(pet.id)} ·{' '}
        {formatPrice(pet.price)} · listed {formatDay(pet.createdAt)}
      </p>
      <p>
        {buyer ? (
          <>
            Bought by {buyer.name} <span className="subject">{buyer.subject}</span>
          </>
        ) : (
          'Buyer not shown'
        )}
      </p>
      {soldAt && (
        <p>
          Sold <time dateTime={soldAt}>{formatMoment(soldAt)}</time>
        </p>
      )}
    </li>
  );
}
