import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getAccessToken, getTokens, refreshTokens } from '../../src/flows/get-access-token';
import { keyFilePath, readKeyFile, rotateKeyFile, writeKeyFile } from '../../src/keys/key-file';
import { generateSigningKey } from '../../src/keys/signing-key-set';
import type { DevIdp, KeysChange } from '../../src/server/start-dev-idp';
import { headerOf, startTestIdp } from '../support/test-idp';

const running: DevIdp[] = [];
const directories: string[] = [];

async function start(options: Parameters<typeof startTestIdp>[0] = {}) {
  const started = await startTestIdp(options);
  running.push(started.idp);
  return started;
}

async function dataDir() {
  const dir = await mkdtemp(join(tmpdir(), 'dev-idp-keys-'));
  directories.push(dir);
  return dir;
}

const publishedKids = async (idp: DevIdp) =>
  ((await (await fetch(idp.jwksUri)).json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);

afterEach(async () => {
  await Promise.all(running.splice(0).map((idp) => idp.close()));
  await Promise.all(directories.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('signing key rotation', () => {
  it('signs new tokens with the new key and keeps verifying tokens signed before', async () => {
    // Prepare
    const { idp, verifyAccessToken } = await start();
    const before = await getTokens(idp.issuer, 'admin');
    const oldKid = idp.keys().signingKid;

    // Act
    const newKid = await idp.rotateKeys();
    const after = await getAccessToken(idp.issuer, 'admin');

    // Assess
    expect(newKid).not.toBe(oldKid);
    expect(headerOf(before.accessToken).kid).toBe(oldKid);
    expect(headerOf(after).kid).toBe(newKid);
    expect(await publishedKids(idp)).toEqual([newKid, oldKid]);
    await expect(verifyAccessToken(before.accessToken)).resolves.toBeTruthy();
    await expect(verifyAccessToken(after)).resolves.toBeTruthy();
  });

  it('keeps sessions and refresh tokens across the swap of the provider', async () => {
    // Prepare
    const { idp, verifyAccessToken } = await start();
    const before = await getTokens(idp.issuer, 'buyer');

    // Act
    const newKid = await idp.rotateKeys();
    const refreshed = await refreshTokens(idp.issuer, before.refreshToken ?? '');

    // Assess
    expect(headerOf(refreshed.accessToken).kid).toBe(newKid);
    expect((await verifyAccessToken(refreshed.accessToken)).payload.permissions).toEqual([
      'read:pets',
      'purchase:pets',
    ]);
  });

  it('picks up a rotation done by another process on the data directory without a restart', async () => {
    // Prepare
    const dir = await dataDir();
    const { idp, verifyAccessToken } = await start({ memory: false, dataDir: dir });
    const before = await getAccessToken(idp.issuer, 'm2m');
    const reloaded = new Promise<KeysChange>((resolve) => idp.onKeysChange(resolve));

    // Act: what `pnpm rotate-keys` does
    const { set } = await rotateKeyFile(dir, { retentionSeconds: 660 });
    const change = await reloaded;
    const after = await getAccessToken(idp.issuer, 'm2m');

    // Assess
    expect(change.signingKid).toBe(set.keys[0]?.kid);
    expect(headerOf(after).kid).toBe(change.signingKid);
    expect(await publishedKids(idp)).toEqual(set.keys.map((key) => key.kid));
    await expect(verifyAccessToken(before)).resolves.toBeTruthy();
  });

  it('generates the key file at first start, readable by its owner only, and reuses it', async () => {
    // Prepare
    const dir = await dataDir();

    // Act
    const first = await start({ memory: false, dataDir: dir });
    const kid = first.idp.keys().signingKid;
    await first.idp.close();
    const second = await start({ memory: false, dataDir: dir });

    // Assess
    expect((await stat(keyFilePath(dir))).mode & 0o777).toBe(0o600);
    expect(second.idp.keys().signingKid).toBe(kid);
    expect((await readKeyFile(keyFilePath(dir)))?.keys[0]?.d).toBeTruthy();
  });

  it('no longer publishes a retired key once the tokens it signed have expired', async () => {
    // Prepare: a key retired two hours ago, tokens living ten minutes
    const dir = await dataDir();
    const [current, retired] = await Promise.all([generateSigningKey(), generateSigningKey()]);
    const twoHoursAgo = Math.floor(Date.now() / 1000) - 2 * 60 * 60;
    await writeKeyFile(keyFilePath(dir), {
      keys: [current, retired],
      retiredAt: { [retired.kid]: twoHoursAgo },
    });

    // Act
    const { idp } = await start({ memory: false, dataDir: dir });

    // Assess
    expect(await publishedKids(idp)).toEqual([current.kid]);
  });
});
