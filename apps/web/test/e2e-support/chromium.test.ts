// @vitest-environment node
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { chromiumPath } from '../../e2e/support/chromium';

function folderWith(name: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'chromium-path-'));
  writeFileSync(join(folder, name), '#!/bin/sh\n');
  chmodSync(join(folder, name), 0o755);
  return folder;
}

it('takes CHROMIUM_PATH when it is an executable', () => {
  // Prepare
  const folder = folderWith('my-chrome');

  // Act / Assess
  expect(chromiumPath({ CHROMIUM_PATH: join(folder, 'my-chrome'), PATH: '' })).toBe(
    join(folder, 'my-chrome'),
  );
});

it('says so when CHROMIUM_PATH is not an executable', () => {
  // Act / Assess
  expect(() => chromiumPath({ CHROMIUM_PATH: '/nowhere/chromium', PATH: '' })).toThrow(
    'CHROMIUM_PATH is /nowhere/chromium, which is not an executable file.',
  );
});

it("finds Debian's chromium on the PATH", () => {
  // Prepare
  const folder = folderWith('chromium');

  // Act / Assess
  expect(chromiumPath({ PATH: `/nowhere:${folder}` })).toBe(join(folder, 'chromium'));
});

it('explains how to get a browser when there is none', () => {
  // Act / Assess
  expect(() => chromiumPath({ PATH: '/nowhere' })).toThrow(
    /apt-get install -y chromium.*CHROMIUM_PATH/,
  );
});
