import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from '@petstore/domain/configuration-error';
import { exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { readJwksFile } from '../../src/keys/read-jwks-file';
import { signingKey } from '../support/keys';

const folder = mkdtempSync(join(tmpdir(), 'authorizer-jwks-'));
const file = (name: string, content: string) => {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
};

describe('JWKS_FILE', () => {
  it('reads a public key set', async () => {
    // Prepare
    const { publicJwk } = await signingKey('k1');
    const path = file('public.json', JSON.stringify({ keys: [publicJwk] }));
    // Act + Assess
    expect(readJwksFile(path)).toEqual({ keys: [publicJwk] });
  });

  it('a missing file, or one that is not a key set, is a configuration error naming JWKS_FILE', () => {
    for (const path of [
      join(folder, 'absent.json'),
      file('text.json', 'keys'),
      file('empty.json', '{"keys":[]}'),
    ]) {
      expect(() => readJwksFile(path)).toThrow(ConfigurationError);
      expect(() => readJwksFile(path)).toThrow(/^Invalid authorizer configuration: JWKS_FILE: /);
    }
  });

  it('refuses private or symmetric key material', async () => {
    // Prepare
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const privateJwk = { ...(await exportJWK(privateKey)), kid: 'oops' };
    const paths = [
      file('private.json', JSON.stringify({ keys: [privateJwk] })),
      file('secret.json', JSON.stringify({ keys: [{ kty: 'oct', k: 'c2VjcmV0', kid: 's' }] })),
    ];
    // Act + Assess
    for (const path of paths) expect(() => readJwksFile(path)).toThrow(/is not a public key/);
  });
});
