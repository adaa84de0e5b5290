/**
 * An operation table cannot be turned into safe IAM policies: a wildcard for one operation
 * would reach another that needs other permissions and no Deny can separate them, or a path
 * template cannot be written as an IAM resource. Raised when the planner is built (a cold
 * start): better no policy at all than one that grants too much.
 */
export class UnsafeRouteTableError extends Error {
  override readonly name = 'UnsafeRouteTableError';
  readonly code = 'UNSAFE_ROUTE_TABLE';
}
