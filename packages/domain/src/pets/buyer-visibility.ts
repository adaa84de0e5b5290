import type { Pet } from './pet';

/**
 * Who reads a pet, as far as the buyer's identity is concerned: an admin, or a user proven by
 * the request (`subject`, the `sub` of their token). A caller the API cannot tie to one user (an
 * IAM role session, whose session name the client chose) has no `subject`.
 */
export interface Viewer {
  readonly isAdmin: boolean;
  /** The caller's own subject when the request proves it; undefined otherwise. */
  readonly subject?: string | undefined;
}

/** A viewer who may see no buyer's identity. */
export const anonymousViewer: Viewer = { isAdmin: false };

/**
 * The pet as `viewer` may see it: `soldTo` (who bought it) only for admins and for the buyer
 * themself; anyone else sees a sold pet (`isSold`, `soldAt`) without `soldTo`.
 *
 * @example
 * asSeenBy(soldPet, { isAdmin: false, subject: 'amazon-demo|bea' }) // soldTo kept: Bea bought it
 * asSeenBy(soldPet, { isAdmin: false, subject: 'amazon-demo|cy' }) // no soldTo
 * asSeenBy(soldPet, { isAdmin: true }) // soldTo kept
 */
export function asSeenBy(pet: Pet, viewer: Viewer): Pet {
  const { soldTo, ...rest } = pet;
  if (soldTo === undefined) return pet;
  const isBuyer =
    viewer.subject !== undefined && viewer.subject !== '' && viewer.subject === soldTo.subject;
  return viewer.isAdmin || isBuyer ? pet : rest;
}
