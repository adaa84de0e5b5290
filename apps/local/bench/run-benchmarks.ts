/**
 * `pnpm bench` (after `pnpm build`): every benchmark of the repository in one run, one after the
 * other, each in its own process (the authorizer's, the gateway's, the API through a local stack),
 * then every Lambda bundle's import and the SPA's initial JavaScript. Prints one table, each
 * figure against its reference measured in the same run with the targets (PASS / MISS),
 * and writes it to `.data/bench/` (git-ignored): `bench-results.md` and `bench-results.json`
 * (the figures, the machine and every raw measurement), with each benchmark's own report as
 * `<name>.log`. Exits 1 when a benchmark failed (a missed target is a result, not a failure).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../src/config/repo-paths';
import { measureLambdaBundles, measureSpa } from './artifacts';
import { type BenchResults, figuresOf, formatTable, type Machine, verdict } from './figures';

const command = 'pnpm bench';
const output = join(repoRoot, '.data/bench');
mkdirSync(output, { recursive: true });

/** The benchmarks that run as their own process: package folder and script. */
const benchmarks = [
  { name: 'authorizer', folder: 'apps/authorizer', script: 'bench/verify.ts' },
  { name: 'gateway', folder: 'packages/gateway', script: 'bench/gateway-overhead.ts' },
  { name: 'api', folder: 'apps/local', script: 'bench/api-bench.ts' },
] as const;

/** Runs one benchmark with tsx, its report to `<name>.log`; its measurements, or undefined. */
async function run(benchmark: (typeof benchmarks)[number]): Promise<unknown> {
  const file = join(output, `${benchmark.name}.json`);
  const log = join(output, `${benchmark.name}.log`);
  rmSync(file, { force: true });
  const stream = createWriteStream(log);
  const child = spawn(process.execPath, ['--import', 'tsx', benchmark.script], {
    cwd: join(repoRoot, benchmark.folder),
    env: { ...process.env, BENCH_OUTPUT: file },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(stream, { end: false });
  child.stderr.pipe(stream, { end: false });
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  stream.end();
  if (code !== 0) return undefined;
  return JSON.parse(readFileSync(file, 'utf8'));
}

const started = performance.now();
const loadAtStart = loadavg()[0] ?? 0;
const results: Record<string, unknown> = {};
const failed: string[] = [];
for (const benchmark of benchmarks) {
  const at = performance.now();
  process.stdout.write(`${benchmark.name}... `);
  const measured = await run(benchmark);
  const seconds = ((performance.now() - at) / 1000).toFixed(0);
  if (measured === undefined) {
    failed.push(benchmark.name);
    console.log(`FAILED after ${seconds} s: see .data/bench/${benchmark.name}.log`);
  } else {
    results[benchmark.name] = measured;
    console.log(`${seconds} s`);
  }
}
process.stdout.write('bundles and the SPA... ');
const at = performance.now();
try {
  results.bundles = await measureLambdaBundles(5);
  results.spa = measureSpa();
  console.log(`${((performance.now() - at) / 1000).toFixed(0)} s`);
} catch (error) {
  failed.push('bundles');
  writeFileSync(join(output, 'bundles.log'), String((error as Error).stack ?? error));
  console.log('FAILED: see .data/bench/bundles.log (run `pnpm build` first)');
}

const cpu = cpus();
const machine: Machine = {
  cpu: cpu[0]?.model ?? 'unknown CPU',
  cpus: cpu.length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.versions.node,
  date: new Date().toISOString().slice(0, 16).replace('T', ' '),
  load: [loadAtStart, loadavg()[0] ?? 0],
};
const figures = figuresOf(results as BenchResults);
const table = formatTable(figures, machine, command, failed);
const durationSeconds = Math.round((performance.now() - started) / 1000);
console.log(`\n${table}\n\nMeasured in ${durationSeconds} s.`);
writeFileSync(join(output, 'bench-results.md'), `${table}\n`);
writeFileSync(
  join(output, 'bench-results.json'),
  `${JSON.stringify(
    {
      command,
      machine,
      durationSeconds,
      figures: figures.map((figure) => ({ ...figure, verdict: verdict(figure) })),
      failed,
      measurements: results,
    },
    null,
    2,
  )}\n`,
);
process.exitCode = failed.length > 0 ? 1 : 0;
