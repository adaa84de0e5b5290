import { type Permission, permissionValues } from '@petstore/api-contract/types';
import { z } from 'zod';

const knownPermissions: ReadonlySet<string> = new Set(permissionValues);

export const port = z.coerce.number().int().min(0).max(65_535);
export const accessTokenMinutes = z.coerce
  .number()
  .int()
  .min(1)
  .max(24 * 60);
export const absoluteUrl = z.url({ protocol: /^https?$/ });

export const permission = z.custom<Permission>(
  (value) => typeof value === 'string' && knownPermissions.has(value),
  { message: `must be one of ${permissionValues.join(', ')}` },
);

const commaSeparated = z
  .string()
  .transform((value) => value.split(/[\s,]+/).filter((part) => part.length > 0));

/** A comma-separated list of absolute http(s) URLs. */
export const urlList = commaSeparated.pipe(z.array(absoluteUrl).min(1));

/** A comma- or space-separated list of permissions from the API contract. */
export const permissionList = commaSeparated.pipe(z.array(permission));
