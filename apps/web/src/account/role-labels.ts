import type { Permission } from '@petstore/api-contract/types';
import { roleOf } from '@petstore/domain/roles';

/** What each permission of the contract lets a person do, in plain words. */
export const permissionLabels: Record<Permission, string> = {
  'read:pets': 'See the pets in the store',
  'create:pets': 'Put pets up for sale',
  'delete:pets': 'Remove pets',
  'purchase:pets': 'Buy pets',
};

/**
 * The role a set of permissions amounts to, for display.
 *
 * @example
 * roleLabel(['read:pets', 'purchase:pets']) // 'Buyer'
 */
export function roleLabel(permissions: readonly string[]): string {
  const role = roleOf(permissions);
  if (role === 'admin') return 'Admin';
  if (role === 'buyer') return 'Buyer';
  return 'Visitor';
}
