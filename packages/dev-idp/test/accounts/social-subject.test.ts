import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { socialSubject } from '../../src/accounts/social-subject';
import { loadSubjectKey, subjectKeyFileName } from '../../src/accounts/subject-key';

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

describe('social subjects', () => {
  it('are keyed: not the plain SHA-256 of the email anyone can compute, and another key gives another subject', () => {
    // Prepare
    const email = 'bea@example.com';
    const unkeyed = createHash('sha256').update(email).digest('hex').slice(0, 24);
    // Act
    const one = socialSubject(email, randomBytes(32));
    const other = socialSubject(email, randomBytes(32));
    // Assess
    expect(one).not.toContain(unkeyed);
    expect(one).not.toBe(other);
  });

  it('are the same for one key whatever the case of the email', () => {
    const key = randomBytes(32);
    expect(socialSubject(' Bea@Example.com', key)).toBe(socialSubject('bea@example.com', key));
  });
});

describe('loadSubjectKey', () => {
  it('makes a key at the first start, keeps it readable by its owner only, and reads the same one later', async () => {
    // Prepare
    const dataDir = await mkdtemp(join(tmpdir(), 'dev-idp-subject-key-'));
    folders.push(dataDir);
    // Act
    const first = await loadSubjectKey(dataDir);
    const second = await loadSubjectKey(dataDir);
    // Assess
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(first.length).toBe(32);
    const file = join(dataDir, subjectKeyFileName);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readFile(file, 'utf8')).trim()).toBe(Buffer.from(first).toString('base64url'));
  });

  it('gives a fresh key in memory when there is no data directory', async () => {
    const [one, other] = [await loadSubjectKey(undefined), await loadSubjectKey(undefined)];
    expect(Buffer.from(one).equals(Buffer.from(other))).toBe(false);
  });
});
