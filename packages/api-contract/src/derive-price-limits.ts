/** The contract's bounds of a price (`components.schemas.Price`), in US dollars. */
export interface PriceLimits {
  /** The lowest price (inclusive). */
  readonly minimum: number;
  /** The highest price (inclusive). */
  readonly maximum: number;
  /** Prices are whole multiples of this: `0.01`, cents. */
  readonly multipleOf: number;
}

/**
 * Reads the `Price` schema's `minimum`, `maximum` and `multipleOf` from a parsed OpenAPI
 * document; throws when one is missing or not a positive finite number, or when the minimum
 * is above the maximum, so a contract without bounds cannot generate a module without them.
 *
 * @example
 * derivePriceLimits(parse(readFileSync('openapi.yaml', 'utf8')))
 * // { minimum: 0.01, maximum: 100000, multipleOf: 0.01 }
 */
export function derivePriceLimits(document: {
  components?: { schemas?: Record<string, unknown> };
}): PriceLimits {
  const schema = document.components?.schemas?.Price;
  if (typeof schema !== 'object' || schema === null) {
    throw new Error('components.schemas.Price is missing');
  }
  const bound = (name: keyof PriceLimits): number => {
    const value: unknown = Object.hasOwn(schema, name)
      ? (schema as Record<string, unknown>)[name]
      : undefined;
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw new Error(`components.schemas.Price.${name} must be a positive number`);
    }
    return value;
  };
  const limits = {
    minimum: bound('minimum'),
    maximum: bound('maximum'),
    multipleOf: bound('multipleOf'),
  };
  if (limits.minimum > limits.maximum) {
    throw new Error('components.schemas.Price: minimum is above maximum');
  }
  return limits;
}
