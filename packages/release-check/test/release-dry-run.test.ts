import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningCommand, startPackedCommand } from '../src/packed-command';
import { plainEnvironment } from '../src/plain-environment';
import { runProgram } from '../src/run-program';
import { createScratchProject, type PackedPackage, packPackages } from '../src/scratch-project';
import {
  exportedFiles,
  moduleSubpaths,
  repoRoot,
  type WorkspacePackage,
  workspacePackages,
} from '../src/workspace-packages';

// The release dry run (README "Releases"): what `pnpm release` would publish, packed as it would
// be, installed by plain npm into a project outside the workspace and used there by plain Node.
// Turborepo builds each publishable package's dist/ first (turbo.json), and this test's inputs
// there name every file it reads.

/** What is published: the libraries and commands. Apps, infra and tools stay private. */
const publishable = [
  '@petstore/api-contract',
  '@petstore/command-line',
  '@petstore/dev-idp',
  '@petstore/domain',
  '@petstore/gateway',
  '@petstore/iam-policy',
  '@petstore/local-sts',
  '@petstore/sigv4',
];
const commands = {
  'petstore-gateway': '@petstore/gateway',
  'petstore-dev-idp': '@petstore/dev-idp',
  'petstore-local-sts': '@petstore/local-sts',
};

const fixture = fileURLToPath(new URL('../fixture', import.meta.url));
const bin = (name: string) => join('node_modules', '.bin', name);

let workspace: WorkspacePackage[];
let scratch: string;
let project: string;
let packed: PackedPackage[];

beforeAll(async () => {
  workspace = await workspacePackages();
  scratch = await mkdtemp(join(tmpdir(), 'petstore-release-'));
  project = join(scratch, 'bookshelf');
  packed = await packPackages(
    workspace.filter(({ manifest }) => !manifest.private),
    join(scratch, 'tarballs'),
  );
  await createScratchProject(project, packed, fixture);
});

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

function packedOf(name: string): PackedPackage {
  const found = packed.find((entry) => entry.name === name);
  if (!found) throw new Error(`${name} was not packed`);
  return found;
}

describe('what a release versions and publishes', () => {
  it('publishes exactly the libraries and commands; every app and infra stays private', () => {
    const published = workspace.filter(({ manifest }) => !manifest.private);
    expect(published.map(({ manifest }) => manifest.name)).toEqual(publishable);
    const deployed = workspace.filter(({ dir }) => /[/\\](apps[/\\][^/\\]+|infra)$/.test(dir));
    expect(deployed.map(({ manifest }) => manifest.name)).toContain('@petstore/infra');
    expect(deployed.filter(({ manifest }) => manifest.private !== true)).toEqual([]);
  });

  it('builds dist/ of every published package before this test (turbo.json)', async () => {
    const turbo = JSON.parse(await readFile(join(repoRoot, 'turbo.json'), 'utf8')) as {
      tasks: Record<string, { dependsOn?: string[] }>;
    };
    const builds = turbo.tasks['@petstore/release-check#test']?.dependsOn ?? [];
    expect(builds.sort()).toEqual(publishable.map((name) => `${name}#build:dist`));
  });

  it('changeset status plans a first version (0.1.0 or later) for each package never released', async () => {
    const output = join(scratch, 'changeset-status.json');
    await runProgram(
      'pnpm',
      ['exec', 'changeset', 'status', '--output', relative(repoRoot, output)],
      { cwd: repoRoot },
    );
    const status = JSON.parse(await readFile(output, 'utf8')) as {
      releases: { name: string; type: string; oldVersion: string; newVersion: string }[];
    };
    const planned = new Map(status.releases.map((release) => [release.name, release]));
    for (const { manifest } of workspace.filter((entry) => !entry.manifest.private)) {
      const version = planned.get(manifest.name)?.newVersion ?? manifest.version;
      expect(`${manifest.name}@${version}`).not.toMatch(/@0\.0\.\d+$/);
    }
  });
});

describe.each(publishable)('the packed %s', (name) => {
  it('has a manifest for the registry: public, licensed, engines, files, no workspace: ranges', () => {
    const { manifest } = packedOf(name);
    expect(manifest.version).toBe(
      workspace.find((entry) => entry.manifest.name === name)?.manifest.version,
    );
    expect(manifest.private).toBeUndefined();
    expect(manifest.license).toBe('MIT');
    expect(manifest.engines?.node).toBe('>=20.19');
    expect(manifest.files).toContain('dist');
    for (const [dependency, range] of Object.entries(manifest.dependencies ?? {})) {
      expect(range, dependency).not.toMatch(/^workspace:/);
      if (dependency.startsWith('@petstore/')) expect(publishable).toContain(dependency);
    }
  });

  it('points every export and command at dist/, and ships each file it names with the README', () => {
    const { manifest, files } = packedOf(name);
    const named = [...exportedFiles(manifest.exports ?? {}), ...Object.values(manifest.bin ?? {})];
    for (const file of named.map((path) => path.replace(/^\.\//, ''))) {
      expect(files, file).toContain(file);
      if (/\.(js|ts)$/.test(file)) expect(file).toMatch(/^dist\/[^/]+\.(js|d\.ts)$/);
    }
    expect(files).toContain('README.md');
    expect(files.filter((file) => /^(src|test|bench|scripts)\//.test(file))).toEqual([]);
  });

  it('passes publint', async () => {
    const { stdout } = await runProgram(
      join(repoRoot, 'node_modules', '.bin', 'publint'),
      ['run', packedOf(name).tarball, '--strict'],
      { cwd: scratch },
    );
    expect(stdout).toContain('All good!');
  });

  // The esm-only profile leaves out node10 resolution and require() from CommonJS: these
  // packages are ESM only (Node.js 20.19 can require() them; TypeScript's node16-cjs resolution
  // does not know that). Data files (openapi.yaml) are exports but not modules: not checked.
  it("passes Are the Types Wrong's ESM-only profile (node16 from ESM, bundler)", async () => {
    const { manifest, tarball } = packedOf(name);
    const dataFiles = Object.keys(manifest.exports ?? {}).filter((subpath) =>
      /\.(ya?ml)$/.test(subpath),
    );
    await runProgram(
      join(repoRoot, 'node_modules', '.bin', 'attw'),
      [
        tarball,
        '--profile',
        'esm-only',
        '--no-color',
        '--no-emoji',
        ...(dataFiles.length > 0 ? ['--exclude-entrypoints', ...dataFiles] : []),
      ],
      { cwd: scratch },
    );
  });
});

describe('the packages installed by npm in a project outside the workspace', () => {
  it('import with plain node, each subpath with the same exports as its source', async () => {
    const subpaths = publishable.flatMap((name) => moduleSubpaths(packedOf(name).manifest));
    const script = `const names = {};
for (const specifier of ${JSON.stringify(subpaths.map(({ specifier }) => specifier))})
  names[specifier] = Object.keys(await import(specifier)).sort();
console.log(JSON.stringify(names));`;
    const { stdout } = await runProgram(
      process.execPath,
      ['--input-type=module', '--eval', script],
      { cwd: project, env: plainEnvironment() },
    );
    const installed = JSON.parse(stdout) as Record<string, string[]>;
    for (const { manifest, dir } of workspace.filter((entry) =>
      publishable.includes(entry.manifest.name),
    ))
      for (const { specifier, file } of moduleSubpaths(manifest)) {
        const source = Object.keys(await import(join(dir, file))).sort();
        expect(installed[specifier], specifier).toEqual(source);
      }
  });

  it('find the files they ship beside dist/: the contract, the seed users; keys go to the project', async () => {
    const script = `import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { contractPath, loadContract } from '@petstore/api-contract/document';
import { devIdpDefaults } from '@petstore/dev-idp/config';
console.log(JSON.stringify({
  openapi: loadContract().openapi,
  contractPath,
  resolved: fileURLToPath(import.meta.resolve('@petstore/api-contract/openapi.yaml')),
  seedUsersFile: devIdpDefaults.seedUsersFile,
  seedUsersExist: existsSync(devIdpDefaults.seedUsersFile),
  dataDir: devIdpDefaults.dataDir,
}));`;
    const { stdout } = await runProgram(
      process.execPath,
      ['--input-type=module', '--eval', script],
      { cwd: project, env: plainEnvironment() },
    );
    const installed = join(project, 'node_modules', '@petstore');
    expect(JSON.parse(stdout)).toEqual({
      openapi: '3.1.0',
      contractPath: join(installed, 'api-contract', 'openapi.yaml'),
      resolved: join(installed, 'api-contract', 'openapi.yaml'),
      seedUsersFile: join(installed, 'dev-idp', 'seed-users.json'),
      seedUsersExist: true,
      dataDir: join(project, '.data', 'dev-idp'),
    });
  });

  it("typecheck a consumer against the installed declarations with the repository's tsc", async () => {
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2023',
          lib: ['es2023'],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: ['node'],
          typeRoots: [join(repoRoot, 'node_modules', '@types')],
        },
        files: ['consumer/consumer.ts'],
      }),
    );
    const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    const { stdout } = await runProgram(process.execPath, [tsc, '--project', '.'], {
      cwd: project,
      env: plainEnvironment(),
    });
    expect(stdout).toBe('');
  });

  it.each(Object.entries(commands))(
    'run %s (of %s) with plain node: --help prints its usage, named as installed, and exits 0',
    async (command) => {
      const { stdout } = await runProgram(process.execPath, [bin(command), '--help'], {
        cwd: project,
        env: plainEnvironment(),
      });
      expect(stdout.startsWith(`Usage: ${command} `)).toBe(true);
    },
  );
});

describe('the packed gateway command serving the bookshelf, a SAM application of its own', () => {
  let gateway: RunningCommand;
  let api: string;

  beforeAll(async () => {
    gateway = await startPackedCommand(
      bin('petstore-gateway'),
      ['--template', 'template.yaml', '--port', '0'],
      { cwd: project, ready: /BookshelfApi \(stage v1\) on (http:\/\/127\.0\.0\.1:\d+)/ },
    );
    api = gateway.ready[1] ?? '';
  });

  afterAll(async () => {
    await gateway?.stop();
  });

  it('answers an allowed call with the function body, with the authorizer context', async () => {
    const response = await fetch(`${api}/books`, {
      headers: { Authorization: 'Bearer reader-token' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://shelf.example');
    expect(await response.json()).toEqual({
      books: [
        { isbn: '9780141439518', title: 'Pride and Prejudice' },
        { isbn: '9780486282114', title: 'Frankenstein' },
      ],
      reader: 'ada',
    });
  });

  it('runs the second function on the stage path, with the request body', async () => {
    const response = await fetch(`${api}/v1/books`, {
      method: 'POST',
      headers: { Authorization: 'Bearer reader-token', 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Emma' }),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ title: 'Emma', addedBy: 'ada' });
  });

  it('refuses a call without a token with 401, before the authorizer', async () => {
    const response = await fetch(`${api}/books`);
    expect(response.status).toBe(401);
    expect(response.headers.get('x-amzn-errortype')).toBe('UnauthorizedException');
    expect(await response.json()).toEqual({ message: 'Unauthorized' });
  });

  it("refuses a token the authorizer denies with 403, API Gateway's explicit deny", async () => {
    const response = await fetch(`${api}/books`, {
      headers: { Authorization: 'Bearer banned-token' },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
    expect(await response.json()).toEqual({
      Message: 'User is not authorized to access this resource with an explicit deny',
    });
  });

  it("answers a CORS preflight without a token, with the template's CORS headers", async () => {
    const response = await fetch(`${api}/books`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://shelf.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(response.status).toBe(200);
    expect(
      Object.fromEntries(
        [...response.headers].filter(([key]) => key.startsWith('access-control-')),
      ),
    ).toEqual({
      'access-control-allow-origin': 'https://shelf.example',
      'access-control-allow-headers': 'Authorization,Content-Type',
      'access-control-allow-methods': 'GET,OPTIONS,POST',
      'access-control-max-age': '600',
    });
  });

  it('logs one JSON access line per request when its output is piped, and stops on SIGTERM with exit code 0', async () => {
    const before = gateway.output();
    await fetch(`${api}/books`, { headers: { Authorization: 'Bearer reader-token' } });
    const accessLines = () =>
      gateway
        .output()
        .slice(before.length)
        .split('\n')
        .filter((line) => line.startsWith('[gateway] {'))
        .map((line) => JSON.parse(line.slice('[gateway] '.length)));
    await expect
      .poll(accessLines)
      .toContainEqual(
        expect.objectContaining({ type: 'access', method: 'GET', path: '/books', status: 200 }),
      );
    expect(await gateway.stop()).toBe(0);
  });
});
