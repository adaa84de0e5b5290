import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt cost: `ln` is log2 of N (CPU/memory cost), `r` the block size, `p` the parallelism. */
export interface ScryptCost {
  readonly ln: number;
  readonly r: number;
  readonly p: number;
}

/** N = 2^15, r = 8: 32 MiB and tens of milliseconds per hash, slow enough for a guesser. */
export const defaultScryptCost: ScryptCost = { ln: 15, r: 8, p: 1 };

const keyLength = 32;
const phcPattern = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

function deriveKey(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const N = 2 ** cost.ln;
  const maxmem = 128 * N * cost.r * 2;
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      salt,
      keyLength,
      { N, r: cost.r, p: cost.p, maxmem },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

const unpadded = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

/**
 * Hashes a password with scrypt and a fresh 16-byte salt, as a PHC string.
 *
 * @example
 * await hashPassword('correct horse') // '$scrypt$ln=15,r=8,p=1$<salt>$<hash>'
 */
export async function hashPassword(password: string, cost = defaultScryptCost): Promise<string> {
  const salt = randomBytes(16);
  const key = await deriveKey(password, salt, cost);
  return `$scrypt$ln=${cost.ln},r=${cost.r},p=${cost.p}$${unpadded(salt)}$${unpadded(key)}`;
}

/** True when `stored` is a PHC scrypt string this module can verify (cost within sane bounds). */
export function isPasswordHash(stored: string): boolean {
  const match = phcPattern.exec(stored);
  if (!match) return false;
  const [ln, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return ln >= 10 && ln <= 20 && r >= 1 && r <= 32 && p >= 1 && p <= 16;
}

/**
 * Checks a password against a hash from {@link hashPassword}, in constant time.
 * A malformed hash never matches.
 *
 * @example
 * await verifyPassword('correct horse', await hashPassword('correct horse')) // true
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = phcPattern.exec(stored);
  if (!match || !isPasswordHash(stored)) return false;
  const cost = { ln: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  const expected = Buffer.from(match[5] ?? '', 'base64');
  const key = await deriveKey(password, Buffer.from(match[4] ?? '', 'base64'), cost);
  return key.length === expected.length && timingSafeEqual(key, expected);
}
