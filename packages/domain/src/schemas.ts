import { petTypeValues } from '@petstore/api-contract/types';
import { z } from 'zod';
import { type FieldIssue, ValidationError } from './errors';

/** The pet types of the contract: dog, cat, fish, bird, gecko. */
export const petTypeSchema = z.enum(petTypeValues);

/** Price in dollars: above zero, at most 100,000, at most two decimals. */
export const priceSchema = z.number().gt(0).max(100_000).multipleOf(0.01);

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
    .regex(/^\d{1,3}$/, 'must be a whole number from 1 to 100')
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
