/** Clock tolerance added to token lifetimes before a retired key is dropped. */
const toleranceSeconds = 60;

/**
 * How long a retired key stays published: the longest lifetime of a token it may have signed
 * (access and ID tokens share `accessTokenMinutes`), plus a minute of clock tolerance.
 *
 * @example
 * keyRetentionSeconds(10) // 660
 */
export function keyRetentionSeconds(accessTokenMinutes: number): number {
  return accessTokenMinutes * 60 + toleranceSeconds;
}
