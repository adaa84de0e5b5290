import { priceLimits } from '@petstore/api-contract/price-limits';
import { petTypeValues } from '@petstore/api-contract/types';
import * as z from 'zod';
import { type FieldIssue, ValidationError } from './errors';

/** The pet types of the contract: dog, cat, fish, bird, gecko. */
export const petTypeSchema = z.enum(petTypeValues);

/**
 * Whether `value` is a whole number of cents, tested on doubles exactly as the contract's
 * `multipleOf: 0.01` is by a JSON Schema validator with a tolerance of 1e-9 on the quotient
 * (ajv's `multipleOfPrecision: 9`): 19.99 / 0.01 is 1998.9999999999998 in binary floating point.
 * 1e-9 accepts every whole-cent price up to 100,000 (the worst error is 9.3e-10) and rejects any
 * third decimal (which is off by at least 0.1).
 */
const isWholeCents = (value: number) => {
  const cents = value / priceLimits.multipleOf;
  return Math.abs(Math.round(cents) - cents) <= 1e-9;
};

/** Steps of `multipleOf` in a dollar: 100 for cents. */
const stepsPerDollar = Math.round(1 / priceLimits.multipleOf);
const decimals = Math.round(Math.log10(stepsPerDollar));

/**
 * Price in dollars, with the contract's bounds (`priceLimits`: 0.01 to 100,000, whole cents).
 * The parsed value is rounded to whole cents, so a price sent as `0.1 + 0.2` is stored as 0.3.
 */
export const priceSchema = z
  .number()
  .min(priceLimits.minimum)
  .max(priceLimits.maximum)
  .refine(isWholeCents, `must have at most ${decimals} decimals`)
  .transform((value) => Math.round(value * stepsPerDollar) / stepsPerDollar);

export const petIdSchema = z
  .string()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    'must be a pet id (a UUID)',
  );

/** The body of `POST /pets`. Unknown fields are an error, not silently dropped. */
export const newPetSchema = z.strictObject({ type: petTypeSchema, price: priceSchema });

/** The query of `GET /pets`, as API Gateway passes it (strings). */
export const listPetsQuerySchema = z.object({
  type: petTypeSchema.optional(),
  limit: z
    .string()
    .regex(/^\d+$/, 'must be a whole number from 1 to 100')
    .transform(Number)
    .pipe(z.number().int().min(1).max(100))
    .default(20),
  cursor: z.string().min(1).max(1024).optional(),
});

export type NewPetInput = z.infer<typeof newPetSchema>;
export type ListPetsQuery = z.infer<typeof listPetsQuerySchema>;

/**
 * Parses `value` or throws a {@link ValidationError} whose issues point into the request.
 *
 * @example
 * const input = parseInput(newPetSchema, JSON.parse(body), '/body');
 */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  pointerPrefix: string,
): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationError(toFieldIssues(result.error, pointerPrefix));
}

function toFieldIssues(error: z.ZodError, pointerPrefix: string): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
    const pointer = path.map(
      (segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`,
    );
    return { pointer: pointerPrefix + pointer.join(''), message: issue.message };
  });
}
