import { type Role, rolePermissions, roleTagKey, sessionTagsClaim } from '@petstore/domain/roles';

const roles: ReadonlySet<string> = new Set(Object.keys(rolePermissions));

/**
 * The store role an ID token's session tag names: the claim `https://aws.amazon.com/tags`, its
 * `principal_tags.PetRole`, one value in a list, as the identity provider sets it server-side (and
 * as STS reads it). Undefined when the claim is missing, malformed, or names no role of the store.
 *
 * @example
 * roleFromIdToken({ 'https://aws.amazon.com/tags': { principal_tags: { PetRole: ['buyer'] } } }) // 'buyer'
 * roleFromIdToken({ sub: 'x' }) // undefined
 */
export function roleFromIdToken(claims: Readonly<Record<string, unknown>>): Role | undefined {
  const tags = ownValue(claims, sessionTagsClaim);
  const principalTags = ownValue(tags, 'principal_tags');
  const values = ownValue(principalTags, roleTagKey);
  if (!Array.isArray(values) || values.length !== 1) return undefined;
  const [value] = values as unknown[];
  return typeof value === 'string' && roles.has(value) ? (value as Role) : undefined;
}

/** `object[key]` when `object` is a plain object that has `key` itself (nothing inherited). */
function ownValue(object: unknown, key: string): unknown {
  if (typeof object !== 'object' || object === null || Array.isArray(object)) return undefined;
  return Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}
