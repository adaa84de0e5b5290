import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { roleSessionName, roleSessionNamePattern } from '../src/role-session';

/** Reverses the escaped form (test oracle): `=XX` bytes back to UTF-8 text. */
function unescapeName(name: string): string {
  const bytes: number[] = [];
  for (let at = 0; at < name.length; ) {
    if (name[at] === '=') {
      const hex = name.slice(at + 1, at + 3);
      if (!/^[0-9A-F]{2}$/.test(hex)) throw new Error(`not an escape at ${at} in ${name}`);
      bytes.push(Number.parseInt(hex, 16));
      at += 3;
    } else {
      bytes.push(name.charCodeAt(at));
      at += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

const hashedOf = (subject: string) =>
  `=sha256=${createHash('sha256').update(subject, 'utf8').digest('base64url')}`;

const subjects = [
  'auth0|64f1c0ffee0123456789abcd',
  'amazon-demo|c840d164c229574e8114d411',
  'database|admin',
  'google-oauth2|101234567890123456789',
  'a|b',
  'a=7Cb',
  'a=3D7Cb',
  'ab',
  'a b',
  'a+b',
  'a/b',
  'user@example.com',
  'ZOË',
  'zoë',
  'Zoë',
  '用户',
  '😀😀',
  '=sha256=abc',
  'x'.repeat(64),
  'x'.repeat(65),
  `${'x'.repeat(61)}|`,
  `${'x'.repeat(62)}|`,
  'a',
  '',
  '\ud800x',
  '\ufffdx',
  '\udc00\ud800',
];

describe('roleSessionName', () => {
  it.each([
    ['auth0|64f1c0ffee', 'auth0=7C64f1c0ffee'],
    ['database|admin', 'database=7Cadmin'],
    ['user.name+tag@example.com', 'user.name+tag@example.com'],
    ['a_b,c-d', 'a_b,c-d'],
    ['a=b', 'a=3Db'],
    ['a b', 'a=20b'],
    ['zoë', 'zo=C3=AB'],
    ['😀x', '=F0=9F=98=80x'],
  ])('escapes %j as %j', async (subject, name) => {
    // Act
    const actual = await roleSessionName(subject);
    // Assess
    expect(actual).toBe(name);
  });

  it('always answers a name STS accepts ([\\w+=,.@-]{2,64})', async () => {
    // Act
    const names = await Promise.all([...subjects, 'é'.repeat(5000)].map(roleSessionName));
    // Assess
    expect(names.filter((name) => !roleSessionNamePattern.test(name))).toEqual([]);
  });

  it('gives every subject of the list its own name (injective)', async () => {
    // Act
    const names = await Promise.all(subjects.map(roleSessionName));
    // Assess
    expect(new Set(names).size).toBe(subjects.length);
  });

  it('decodes back to the subject whenever the escaped form is used', async () => {
    // Prepare: the escaped form of every well-formed subject of the list
    const wellFormed = subjects.filter((subject) => !/\p{Surrogate}/u.test(subject));
    const named = await Promise.all(
      wellFormed.map(async (subject) => ({ subject, name: await roleSessionName(subject) })),
    );
    const escaped = named.filter(({ name }) => !name.startsWith('=sha256='));
    // Act
    const decoded = escaped.map(({ name }) => unescapeName(name));
    // Assess
    expect(escaped.length).toBeGreaterThan(15);
    expect(decoded).toEqual(escaped.map(({ subject }) => subject));
  });

  it('keeps 64 escaped characters, and hashes 65 (the STS bound)', async () => {
    // Act
    const at64 = await roleSessionName(`${'x'.repeat(61)}|`);
    const at65 = await roleSessionName(`${'x'.repeat(62)}|`);
    const plain64 = await roleSessionName('x'.repeat(64));
    const plain65 = await roleSessionName('x'.repeat(65));
    // Assess
    expect(at64).toBe(`${'x'.repeat(61)}=7C`);
    expect(plain64).toBe('x'.repeat(64));
    expect(at65).toBe(hashedOf(`${'x'.repeat(62)}|`));
    expect(plain65).toBe(hashedOf('x'.repeat(65)));
    expect(at65).toHaveLength(51);
  });

  it('hashes subjects shorter than the 2-character minimum', async () => {
    // Act
    const one = await roleSessionName('a');
    const none = await roleSessionName('');
    const two = await roleSessionName('ab');
    // Assess
    expect(one).toBe(hashedOf('a'));
    expect(none).toBe(hashedOf(''));
    expect(two).toBe('ab');
  });

  it('cannot be made to collide by a subject that looks like a hashed name', async () => {
    // Prepare
    const hashed = await roleSessionName('x'.repeat(100));
    // Act
    const lookalike = await roleSessionName(hashed);
    // Assess
    expect(lookalike).not.toBe(hashed);
    expect(lookalike.startsWith('=3Dsha256=3D')).toBe(true);
  });

  it('tells a lone surrogate from the replacement character (no lossy UTF-8)', async () => {
    // Act
    const lone = await roleSessionName('\ud800x');
    const replaced = await roleSessionName('\ufffdx');
    const longLone = await roleSessionName(`\ud800${'x'.repeat(70)}`);
    const longReplaced = await roleSessionName(`\ufffd${'x'.repeat(70)}`);
    // Assess
    expect(lone).toBe('=ED=A0=80x');
    expect(replaced).toBe('=EF=BF=BDx');
    expect(longLone).not.toBe(longReplaced);
  });

  it('is deterministic', async () => {
    // Act
    const first = await roleSessionName(`auth0|${'f'.repeat(80)}`);
    const second = await roleSessionName(`auth0|${'f'.repeat(80)}`);
    // Assess
    expect(first).toBe(second);
  });
});
