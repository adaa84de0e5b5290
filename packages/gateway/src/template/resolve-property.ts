import { UnresolvableIntrinsicError } from '../errors';
import type { Diagnostics } from './diagnostics';
import { type IntrinsicScope, resolveIntrinsics } from './intrinsics';

export interface ReadContext {
  readonly templateDir: string;
  readonly scope: IntrinsicScope;
  readonly diagnostics: Diagnostics;
}

/**
 * Resolves one property; an intrinsic with no local value becomes an error (or a warning)
 * naming `where`, and the property reads as `undefined`.
 *
 * @example
 * resolveProperty(props.Timeout, 'Function ListPets.Timeout', context) // 10
 */
export function resolveProperty(
  value: unknown,
  where: string,
  context: ReadContext,
  severity: 'error' | 'warning' = 'error',
): unknown {
  try {
    return resolveIntrinsics(value, context.scope);
  } catch (error) {
    if (!(error instanceof UnresolvableIntrinsicError)) throw error;
    if (severity === 'error') context.diagnostics.error(where, error.message);
    else context.diagnostics.warn(where, error.message);
    return undefined;
  }
}

/**
 * Warns about each property that is neither emulated nor known to have no local effect.
 *
 * @example
 * warnUnknownProperties({ Layers: [] }, new Set(['Handler']), 'Function A', diagnostics)
 * // warning: 'Function A.Layers: is not emulated locally and is ignored'
 */
/**
 * Refuses access control the gateway does not enforce (resource policies): ignoring it would serve
 * the API to callers AWS refuses, so it is an error, never a warning.
 *
 * @example
 * refuseUnenforcedAccessControl(auth, 'Api PetsApi.Auth', diagnostics); // error if auth.ResourcePolicy is set
 */
export function refuseUnenforcedAccessControl(
  auth: Readonly<Record<string, unknown>>,
  where: string,
  diagnostics: Diagnostics,
): void {
  if (auth.ResourcePolicy === undefined) return;
  diagnostics.error(
    `${where}.ResourcePolicy`,
    'resource policies are not emulated: the API would be served to callers AWS refuses, so it is not served',
  );
}

export function warnUnknownProperties(
  properties: Readonly<Record<string, unknown>>,
  known: ReadonlySet<string>,
  where: string,
  diagnostics: Diagnostics,
): void {
  for (const name of Object.keys(properties)) {
    if (!known.has(name))
      diagnostics.warn(`${where}.${name}`, 'is not emulated locally and is ignored');
  }
}
