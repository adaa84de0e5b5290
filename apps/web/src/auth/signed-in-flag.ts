/**
 * What this tab remembers across reloads about being signed in: never a token, only a marker in
 * `sessionStorage` (this tab only, gone when it closes). `'1'`: the tab was signed in; `'restoring'`:
 * a silent sign-in (`prompt=none`) left this tab and has not come back signed in yet.
 */
export const signedInFlag = {
  key: 'petstore.signedIn',
  signedIn: '1',
  restoring: 'restoring',
} as const;

/** The part of `Storage` the flag needs (`sessionStorage` in the browser). */
export type FlagStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** What one page load does: try a silent sign-in or not, and the flag to leave behind. */
export interface RestoreDecision {
  readonly attempt: boolean;
  readonly flag: string | null;
}

/**
 * Decides, once per page load, whether to restore a forgotten session with a silent sign-in. Only
 * a tab that was signed in (`'1'`) and is not coming back from the provider tries, and it marks
 * the try (`'restoring'`) first. A load that finds `'restoring'` is the return of that try (or a
 * Back past it): the flag is cleared and nothing is tried, so there is never a second silent
 * sign-in in a row; only a successful callback sets `'1'` again.
 *
 * @example
 * restoreDecision('1', false) // { attempt: true, flag: 'restoring' }
 * restoreDecision('restoring', false) // { attempt: false, flag: null }
 */
export function restoreDecision(
  flag: string | null,
  returningFromProvider: boolean,
): RestoreDecision {
  if (flag === signedInFlag.restoring) return { attempt: false, flag: null };
  if (flag !== signedInFlag.signedIn) return { attempt: false, flag: null };
  if (returningFromProvider) return { attempt: false, flag };
  return { attempt: true, flag: signedInFlag.restoring };
}

/**
 * Applies {@link restoreDecision} to the stored flag; true when this load should sign in silently.
 *
 * @example
 * const restore = claimSessionRestore(window.sessionStorage, hasAuthParams());
 */
export function claimSessionRestore(storage: FlagStorage, returningFromProvider: boolean): boolean {
  const decision = restoreDecision(storage.getItem(signedInFlag.key), returningFromProvider);
  if (decision.flag === null) storage.removeItem(signedInFlag.key);
  else storage.setItem(signedInFlag.key, decision.flag);
  return decision.attempt;
}

/**
 * Remembers that this tab is signed in (after a successful sign-in callback).
 *
 * @example
 * rememberSignedIn(window.sessionStorage);
 */
export function rememberSignedIn(storage: FlagStorage): void {
  storage.setItem(signedInFlag.key, signedInFlag.signedIn);
}

/**
 * Forgets it (on sign-out, and when a silent sign-in could not start or failed).
 *
 * @example
 * forgetSignedIn(window.sessionStorage);
 */
export function forgetSignedIn(storage: FlagStorage): void {
  storage.removeItem(signedInFlag.key);
}
