// @vitest-environment node
import { randomUUID } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { request } from 'node:http';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureKeyFile, keyFilePath } from '@petstore/dev-idp/keys';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebDevServer, type WebDevServer } from '../../src/dev-server/start-web-dev-server';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const appRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A file the dev server must never hand out. */
interface Secret {
  readonly name: string;
  readonly path: string;
}

/** GET with the path sent exactly as written (no URL normalisation of `..` or `%2e`). */
function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const sent = request({ host: hostname, port, path, method: 'GET' }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      response.on('error', reject);
    });
    sent.on('error', reject);
    sent.end();
  });
}

const suffixes = ['', '?raw', '?import', '?url', '?import&raw', '?raw&url', '?inline', '?raw??'];

/** Every spelling of a request for this file we know of: /@fs/ URLs, root-relative, `..` tricks. */
function spellingsOf(path: string): string[] {
  const fromApp = relative(appRoot, path);
  const up = fromApp.split('/');
  const encodedDots = up.map((segment) => (segment === '..' ? '%2e%2e' : segment)).join('/');
  const upperDots = up.map((segment) => (segment === '..' ? '%2E%2E' : segment)).join('/');
  const bases = [
    `/@fs${path}`,
    `/@fs/${path}`,
    `/@fs${appRoot}src/../${fromApp}`,
    `/@fs${appRoot}src/%2e%2e/${encodedDots}`,
    `/${fromApp}`,
    `/${encodedDots}`,
    `/${upperDots}`,
    `/src/../${fromApp}`,
    `/src/%2e%2e/${encodedDots}`,
    `//${path.slice(1)}`,
    `/@fs${path.replaceAll('/', '%2f')}`,
  ];
  return bases.flatMap((base) => suffixes.map((suffix) => `${base}${suffix}`));
}

const gitPath = join(repoRoot, '.git');
/** A clone's `.git/config`; in a git worktree `.git` is a file naming the git directory. */
const gitMetadata = statSync(gitPath).isDirectory() ? join(gitPath, 'config') : gitPath;
/**
 * A real dev-idp signing key file, in a folder of the test's own inside the repository's `.data/`,
 * where the local stack keeps its real one (`.data/dev-idp/signing-keys.json`).
 */
const probeDir = join(repoRoot, '.data', `web-dev-server-probe-${process.pid}-${randomUUID()}`);
const keyFile = keyFilePath(join(probeDir, 'dev-idp'));

const secrets: readonly Secret[] = [
  { name: 'the identity provider signing key file in .data/', path: keyFile },
  { name: 'the repository package.json', path: join(repoRoot, 'package.json') },
  { name: "the dev-idp's package.json", path: join(repoRoot, 'packages/dev-idp/package.json') },
  { name: "the app's own package.json", path: join(appRoot, 'package.json') },
  { name: 'the lockfile', path: join(repoRoot, 'pnpm-lock.yaml') },
  { name: 'the git metadata', path: gitMetadata },
  {
    name: "the dev-idp's seed users (password hashes)",
    path: join(repoRoot, 'packages/dev-idp/seed-users.json'),
  },
];

/**
 * A piece of the file's content that would show it was served, whether raw, as a JS module
 * (`?import`, `?raw`: string contents kept) or transformed: the key file's private key, otherwise
 * the file's longest run of characters no transform escapes.
 */
function markerOf(secret: Secret): string {
  const content = readFileSync(secret.path, 'utf8');
  const marker =
    secret.path === keyFile
      ? ((JSON.parse(content) as { keys: { d: string }[] }).keys[0]?.d ?? '')
      : (content.match(/[\w$+/=.:@-]+/g) ?? []).reduce((a, b) => (b.length > a.length ? b : a), '');
  if (marker.length < 12) throw new Error(`no marker long enough in ${secret.path}`);
  return marker;
}

async function leaksOf(paths: readonly string[], marker: string): Promise<string[]> {
  const leaks: string[] = [];
  for (const path of paths) {
    const { status, body } = await rawGet(web.url, path);
    if (body.includes(marker)) leaks.push(`${status} ${path}`);
  }
  return leaks;
}

let web: WebDevServer;
let createdDataDir = false;

beforeAll(async () => {
  const dataDir = join(repoRoot, '.data');
  createdDataDir = !existsSync(dataDir);
  mkdirSync(probeDir, { recursive: true });
  await ensureKeyFile(join(probeDir, 'dev-idp'));
  web = await startWebDevServer({
    host: '127.0.0.1',
    port: 0,
    apiUrl: 'http://127.0.0.1:3999',
    issuer: 'http://127.0.0.1:9999',
    clientId: 'petstore-web-test',
    audience: 'https://api.example.test',
    watch: false,
  });
}, 60_000);

afterAll(async () => {
  await web?.close();
  rmSync(probeDir, { recursive: true, force: true });
  // Removed only if the test made it and nothing else wrote to it meanwhile (a stack starting).
  if (createdDataDir && readdirSync(join(repoRoot, '.data')).length === 0) {
    rmdirSync(join(repoRoot, '.data'));
  }
});

describe('the dev server refuses every file the app does not need, in every spelling', () => {
  it.each(secrets)('refuses $name', async (secret) => {
    // Act
    const leaks = await leaksOf(spellingsOf(secret.path), markerOf(secret));

    // Assess
    expect(leaks, `${secret.name} (${secret.path}) was served`).toEqual([]);
  });

  it('refuses workspace packages reached through the symlinks in node_modules', async () => {
    // Prepare
    const target = join(repoRoot, 'packages/dev-idp/package.json');
    const paths = [
      `/@fs${repoRoot}node_modules/.pnpm/node_modules/@petstore/dev-idp/package.json`,
      `/@fs${appRoot}node_modules/@petstore/dev-idp/package.json`,
      '/node_modules/@petstore/dev-idp/package.json',
    ].flatMap((base) => suffixes.map((suffix) => `${base}${suffix}`));

    // Act
    const leaks = await leaksOf(paths, markerOf({ name: 'dev-idp package.json', path: target }));

    // Assess
    expect(leaks).toEqual([]);
  });
});

/**
 * The modules a served module imports (static, dynamic and side-effect imports), as URLs: the
 * ones Vite resolved (with an extension, or Vite's own under `/@`), not words in a comment that look alike.
 */
function importsOf(code: string, from: string): string[] {
  const specifiers = code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["']([^"']+)["']/g);
  return [...specifiers]
    .map((match) => match[1] ?? '')
    .filter((specifier) => specifier.startsWith('/') || specifier.startsWith('.'))
    .map((specifier) => new URL(specifier, from))
    .filter(
      (url) =>
        /\.\w+$/.test(url.pathname) ||
        (url.pathname.startsWith('/@') && !url.pathname.startsWith('/@fs/')),
    )
    .map((url) => url.href);
}

describe('the dev server still serves what the app needs', () => {
  it("serves every module the app's page loads, followed import by import (the contract's and the domain's included)", async () => {
    // Prepare
    const page = await (await fetch(`${web.url}/`)).text();
    const entries = [...page.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map(
      (match) => new URL(match[1] ?? '', `${web.url}/`).href,
    );
    const pending = [...entries];
    const seen = new Set<string>(pending);
    const refused: string[] = [];

    // Act: fetch each module once, queueing what it imports (bounded)
    while (pending.length > 0 && seen.size < 1000) {
      const url = pending.shift() ?? '';
      const response = await fetch(url);
      const code = await response.text();
      if (response.status !== 200) refused.push(`${response.status} ${url}`);
      for (const next of importsOf(code, url)) {
        if (!seen.has(next)) {
          seen.add(next);
          pending.push(next);
        }
      }
    }

    // Assess
    expect(refused).toEqual([]);
    const served = [...seen].map((url) => new URL(url).pathname);
    expect(served).toContain('/src/main.tsx');
    expect(served.some((path) => path.includes('/packages/api-contract/src/'))).toBe(true);
    expect(served.some((path) => path.includes('/packages/domain/src/'))).toBe(true);
    expect(served.some((path) => path.includes('/deps/react-dom_client.js'))).toBe(true);
    expect(seen.size).toBeLessThan(1000);
  });
});
