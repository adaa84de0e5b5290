import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, templatePath } from '../src/config/repo-paths';

const template = relative(repoRoot, templatePath);

interface DryTask {
  readonly taskId: string;
  readonly task: string;
  readonly directory: string;
  readonly inputs: Readonly<Record<string, string>>;
}

/** What Turborepo would hash for every test task, without running any (`--dry=json`). */
function dryRunTests(): DryTask[] {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('TURBO_')),
  );
  const out = execFileSync(
    join(repoRoot, 'node_modules/.bin/turbo'),
    ['run', 'test', '--dry=json'],
    { cwd: repoRoot, env: { ...env, TURBO_TELEMETRY_DISABLED: '1' }, encoding: 'utf8' },
  );
  return (JSON.parse(out) as { tasks: DryTask[] }).tasks.filter((task) => task.task === 'test');
}

/** Text files under a folder, without installed or built files. */
function filesUnder(folder: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    if (name === 'node_modules' || name === 'dist') return [];
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Whether a package's tests read the project template: the package holds it, a test names it,
 * or a test (or a test runner's config) starts the local stack, which serves it.
 */
function testsReadTemplate(directory: string): boolean {
  const root = join(repoRoot, directory);
  if (templatePath.startsWith(`${root}/`)) return true;
  const configs = readdirSync(root)
    .filter((name) => /\.config\.[cm]?ts$/.test(name))
    .map((name) => join(root, name));
  const files = [...filesUnder(join(root, 'test')), ...filesUnder(join(root, 'e2e')), ...configs];
  return files.some((file) => {
    const text = readFileSync(file, 'utf8');
    return (
      text.includes('infra/template.yaml') ||
      text.includes('pnpm start') ||
      text.includes('src/cli/start.ts')
    );
  });
}

describe("Turborepo's test inputs", () => {
  it('hash infra/template.yaml (its content) into every test task that reads it', () => {
    // Prepare
    const blob = execFileSync('git', ['hash-object', templatePath], { encoding: 'utf8' }).trim();
    const tasks = dryRunTests();
    const readers = tasks.filter((task) => testsReadTemplate(task.directory));

    // Act
    const hashed = readers.map((task) => {
      const input = Object.entries(task.inputs).find(
        ([file]) => relative(repoRoot, resolve(repoRoot, task.directory, file)) === template,
      );
      return [task.taskId, input?.[1]] as const;
    });

    // Assess
    expect(readers.map((task) => task.taskId)).toEqual(
      expect.arrayContaining([
        '@petstore/local#test',
        '@petstore/web#test',
        '@petstore/infra#test',
      ]),
    );
    expect(Object.fromEntries(hashed)).toEqual(
      Object.fromEntries(readers.map((task) => [task.taskId, blob])),
    );
  });

  it("hash the root README.md into this package's tests, which run its partner walk-through", () => {
    // Prepare
    const readme = join(repoRoot, 'README.md');
    const blob = execFileSync('git', ['hash-object', readme], { encoding: 'utf8' }).trim();
    const task = dryRunTests().find((candidate) => candidate.taskId === '@petstore/local#test');

    // Act
    const input = Object.entries(task?.inputs ?? {}).find(
      ([file]) => resolve(repoRoot, task?.directory ?? '', file) === readme,
    );

    // Assess
    // The walk-through tests (partner-api, walk-through) read it through this support module,
    // whose README is the root one unless another is named.
    const support = readFileSync(
      new URL('./support/readme-walk-through.ts', import.meta.url),
      'utf8',
    );
    expect(support).toContain("file = 'README.md'");
    expect(support).toContain('join(repoRoot, file)');
    expect(input?.[1]).toBe(blob);
  });
});
