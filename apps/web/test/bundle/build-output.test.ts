// @vitest-environment node
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { petTypeValues } from '@petstore/api-contract/types';
import { build } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { initialAssets } from '../../src/bundle/initial-assets';

const appRoot = fileURLToPath(new URL('../../', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** Values only a leak could put in the build: from an env file and from the process environment. */
const canary = {
  viteApiUrl: `https://api.${randomUUID()}.example`,
  fileSecret: `file-secret-${randomUUID()}`,
  processSecret: `process-secret-${randomUUID()}`,
};

let work: string;
let outDir: string;
let files: { name: string; text: string }[];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'petstore-web-build-'));
  outDir = join(work, 'dist');
  writeFileSync(
    join(work, '.env'),
    `VITE_API_URL=${canary.viteApiUrl}\nDATABASE_PASSWORD=${canary.fileSecret}\n`,
  );
  process.env.PETSTORE_TEST_SECRET = canary.processSecret;
  // A production build as `pnpm build` makes it (Vitest sets NODE_ENV to `test`), written elsewhere.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: appRoot,
      configFile: join(appRoot, 'vite.config.ts'),
      mode: 'production',
      envDir: work,
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  files = readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const name = join(entry.parentPath, entry.name).slice(outDir.length + 1);
      return { name, text: readFileSync(join(outDir, name), 'utf8') };
    });
}, 180_000);

afterAll(() => {
  delete process.env.PETSTORE_TEST_SECRET;
  rmSync(work, { recursive: true, force: true });
});

it('puts the VITE_ variables in the build and no other variable, from env files or the environment', () => {
  const everything = files.map((file) => file.text).join('\n');
  expect(everything).toContain(canary.viteApiUrl);
  expect(everything).not.toContain(canary.fileSecret);
  expect(everything).not.toContain(canary.processSecret);
  expect(everything).not.toContain('DATABASE_PASSWORD');
});

it('holds only the page, its assets and the public files', () => {
  const names = files.map((file) => file.name).sort();
  for (const name of names) {
    expect(name).toMatch(
      /^(index\.html|favicon\.svg|assets\/[\w.-]+\.(js|css|js\.map|css\.map|svg))$/,
    );
  }
});

it('names no path of the machine it was built on: no absolute path in the code, relative ones in the maps', () => {
  // Prepare
  const code = files.filter((file) => !file.name.endsWith('.map'));
  const maps = files.filter((file) => file.name.endsWith('.map'));

  // Act
  const leaking = code.filter((file) => file.text.includes(repoRoot)).map((file) => file.name);
  const absolute = maps.flatMap((map) => {
    const { sources, sourceRoot } = JSON.parse(map.text) as {
      sources: string[];
      sourceRoot?: string;
    };
    return [...sources, ...(sourceRoot ? [sourceRoot] : [])].filter((source) =>
      /^(\/|file:)/.test(source),
    );
  });

  // Assess
  expect(leaking).toEqual([]);
  expect(absolute).toEqual([]);
});

it("maps only to the app's sources, the sources of the packages it imports and third-party packages", () => {
  // Prepare
  const maps = files.filter((file) => file.name.endsWith('.map'));
  const allowed = [
    resolve(appRoot, 'src'),
    resolve(repoRoot, 'packages/api-contract/src'),
    resolve(repoRoot, 'packages/domain/src'),
    resolve(repoRoot, 'node_modules/.pnpm'),
    resolve(appRoot, 'index.html'),
  ];

  // Act
  const sources = maps.flatMap((map) => {
    const { sources: listed } = JSON.parse(map.text) as { sources: string[] };
    return listed.map((source) => resolve(outDir, 'assets', source));
  });

  // Assess
  expect(maps.length).toBeGreaterThan(0);
  const outside = sources.filter((source) => !allowed.some((dir) => source.startsWith(dir)));
  expect(outside).toEqual([]);
});

it("ships each pet type's picture as an SVG file of its own, never inlined in the code", () => {
  // Prepare
  const pictures = files.filter((file) => /^assets\/[\w-]+\.svg$/.test(file.name));
  const code = files.filter((file) => /\.(js|css)$/.test(file.name));

  // Assess: one file per type of the contract, each a picture, and no data URL anywhere
  for (const type of petTypeValues) {
    const picture = pictures.find((file) => file.name.startsWith(`assets/${type}-`));
    expect(picture?.text).toMatch(/^<svg [^>]*viewBox="0 0 160 120"/);
  }
  expect(code.filter((file) => file.text.includes('data:image/svg'))).toEqual([]);
});

it("keeps the admin's parts (add form, removal question, sales) out of the initial JavaScript: a chunk loaded on demand", () => {
  // Prepare
  const index = files.find((file) => file.name === 'index.html')?.text ?? '';
  const { scripts } = initialAssets(index);
  const initial = files.filter((file) => scripts.includes(file.name));
  const admin = files.find((file) => /^assets\/admin-parts-[\w-]+\.js$/.test(file.name));

  // Assess
  expect(initial.length).toBeGreaterThan(0);
  for (const text of ['Who bought what', 'Remove and erase the sale', 'Price (US dollars)']) {
    expect(admin?.text).toContain(text);
    expect(initial.filter((file) => file.text.includes(text))).toEqual([]);
  }
});
