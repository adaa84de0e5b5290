import type { GatewayMeasurements } from '../../../packages/gateway/bench/measurements';
import type { AuthorizerMeasurements } from '../../authorizer/bench/measurements';
import type { ApiMeasurements, BundleMeasurement, SpaMeasurement } from './measurements';

/** A target on a figure's ratio to its reference. */
export type Target = { readonly atMost: number } | { readonly atLeast: number };

/** One line of the table: a measure, what it is measured against in the same run, the ratio. */
export interface Figure {
  readonly section: string;
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** How the value reads in the table when a number and unit say too little. */
  readonly shown?: string;
  readonly reference?: { readonly name: string; readonly value: number; readonly shown?: string };
  /** The value against the reference (for rounds: the median of each round's ratio). */
  readonly ratio?: number;
  readonly target?: Target;
}

/** What every benchmark of one run measured; a part is absent when its benchmark failed. */
export interface BenchResults {
  readonly authorizer?: AuthorizerMeasurements;
  readonly gateway?: GatewayMeasurements;
  readonly api?: ApiMeasurements;
  readonly bundles?: readonly BundleMeasurement[];
  readonly spa?: SpaMeasurement;
}

/**
 * The median of numbers (the mean of the middle two for an even count).
 *
 * @example
 * median([3, 1, 2]) // 2
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * The median of the ratios of paired measurements (`values[i] / references[i]`): measured side
 * by side, each pair shares the machine's moment, which a ratio of two medians would not.
 *
 * @example
 * pairedRatio([10, 30, 20], [5, 10, 10]) // 2
 */
export function pairedRatio(values: readonly number[], references: readonly number[]): number {
  return median(values.map((value, index) => value / (references[index] ?? Number.NaN)));
}

/**
 * Whether a figure meets its target; `undefined` for a figure without one.
 *
 * @example
 * verdict({ ratio: 0.6, target: { atLeast: 0.5 } }) // 'PASS'
 */
export function verdict(figure: Pick<Figure, 'ratio' | 'target'>): 'PASS' | 'MISS' | undefined {
  const { ratio, target } = figure;
  if (!target) return undefined;
  if (ratio === undefined || !Number.isFinite(ratio)) return 'MISS';
  return ('atMost' in target ? ratio <= target.atMost : ratio >= target.atLeast) ? 'PASS' : 'MISS';
}

const sections = {
  authorizer: 'Authorizer',
  gateway: 'Gateway (16 in flight for load; a trivial handler)',
  api: 'API through the local stack (token API)',
  bundles: 'Bundles',
} as const;

/** The authorizer bundle's budget, minified. */
export const authorizerBundleBudgetBytes = 40_000;

/**
 * The table's lines from one run's measurements, each against its reference of the same run,
 * with the issue's targets (gateway, authorizer, list page at 100,000 pets, SPA budget).
 *
 * @example
 * const figures = figuresOf({ authorizer, gateway, api, bundles, spa });
 * figures.filter((figure) => verdict(figure) === 'MISS')
 */
export function figuresOf(results: BenchResults): Figure[] {
  return [
    ...(results.authorizer ? authorizerFigures(results.authorizer) : []),
    ...(results.gateway ? gatewayFigures(results.gateway) : []),
    ...(results.api ? apiFigures(results.api) : []),
    ...(results.bundles ? bundleFigures(results.bundles) : []),
    ...(results.spa ? [spaFigure(results.spa)] : []),
  ];
}

function authorizerFigures(measured: AuthorizerMeasurements): Figure[] {
  const section = sections.authorizer;
  const { cryptoVerify, joseJwtVerify, verifyPath, wholeAuthorizer } =
    measured.verificationsPerSecond;
  const microseconds = (perSecond: readonly number[]) => 1e6 / median(perSecond);
  const { authorizer, minimalHandler } = measured.coldStart;
  const first = (starts: typeof authorizer) => starts.map((start) => start.firstPolicyMs);
  const imported = (starts: typeof authorizer) =>
    starts.map((start) => start.importedMs - start.nodeReadyMs);
  return [
    {
      section,
      name: 'verifications/s, whole authorizer, its bundle (one at a time)',
      value: median(wholeAuthorizer),
      unit: '/s',
      reference: { name: 'node:crypto.verify alone', value: median(cryptoVerify) },
      ratio: pairedRatio(wholeAuthorizer, cryptoVerify),
    },
    {
      section,
      name: 'time per verification, verify path (Bearer, header, claims)',
      value: microseconds(verifyPath),
      unit: 'µs',
      reference: { name: "jose's jwtVerify alone", value: microseconds(joseJwtVerify) },
      ratio: pairedRatio(joseJwtVerify, verifyPath),
    },
    {
      section,
      name: 'time per verification, whole authorizer, its bundle (+ identity, policy, context)',
      value: microseconds(wholeAuthorizer),
      unit: 'µs',
      reference: { name: "jose's jwtVerify alone", value: microseconds(joseJwtVerify) },
      ratio: pairedRatio(joseJwtVerify, wholeAuthorizer),
      target: { atMost: 1.1 },
    },
    {
      section,
      name: 'cold start: fresh process to first policy (JWKS_FILE)',
      value: median(first(authorizer)),
      unit: 'ms',
      reference: { name: 'minimal node:crypto handler', value: median(first(minimalHandler)) },
      ratio: pairedRatio(first(authorizer), first(minimalHandler)),
      target: { atMost: 1.3 },
    },
    {
      section,
      name: 'import of the bundle, in that process',
      value: median(imported(authorizer)),
      unit: 'ms',
      reference: {
        name: 'import of the minimal handler',
        value: median(imported(minimalHandler)),
      },
      ratio: pairedRatio(imported(authorizer), imported(minimalHandler)),
    },
    {
      section,
      name: 'bundle, minified',
      value: measured.bundle.bytes,
      unit: 'B',
      shown: `${kb(measured.bundle.bytes)} (gzip ${kb(measured.bundle.gzipBytes)}); jose alone ${kb(measured.bundle.joseAloneBytes)}`,
      reference: { name: 'budget', value: authorizerBundleBudgetBytes },
      ratio: measured.bundle.bytes / authorizerBundleBudgetBytes,
      target: { atMost: 1 },
    },
  ];
}

function gatewayFigures(measured: GatewayMeasurements): Figure[] {
  const section = sections.gateway;
  const { rounds } = measured;
  const paths = [
    ['token', 'cached TOKEN authorizer'],
    ['open', 'no authorizer'],
    ['iam', 'AWS_IAM (SigV4 + policy)'],
  ] as const;
  type Measured = 'requestsPerSecond' | 'p99Ms' | 'cpuUsPerRequest';
  type Contender = keyof GatewayMeasurements['rounds'][number]['p99Ms'];
  const added = (name: 'bare' | (typeof paths)[number][0]) =>
    rounds.map((round) => round.latencyUs[name] - round.inProcessUs);
  const of = (key: Measured, name: Contender) => rounds.map((round) => round[key][name]);
  /** A figure of the load runs: one contender's measure against another's, round by round. */
  const compared = (
    name: string,
    key: Measured,
    contender: Contender,
    [reference, referenceName]: readonly [Contender, string],
    target?: Target,
  ): Figure => ({
    section,
    name,
    value: median(of(key, contender)),
    unit: { requestsPerSecond: '/s', p99Ms: 'ms', cpuUsPerRequest: 'µs' }[key],
    reference: { name: referenceName, value: median(of(key, reference)) },
    ratio: pairedRatio(of(key, contender), of(key, reference)),
    ...(target ? { target } : {}),
  });
  const bare = ['bare', 'bare node:http'] as const;
  const bares = ['bare', "bare node:http's"] as const;
  return [
    ...paths.map(
      ([name, label]): Figure => ({
        section,
        name: `latency added to the handler called in-process, ${label} (one at a time)`,
        value: median(added(name)),
        unit: 'µs',
        reference: { name: 'bare node:http (the round trip)', value: median(added('bare')) },
        ratio: pairedRatio(added(name), added('bare')),
      }),
    ),
    ...paths.map(([name, label]) =>
      compared(
        `requests/s, ${label}`,
        'requestsPerSecond',
        name,
        bare,
        name === 'token' ? { atLeast: 0.5 } : undefined,
      ),
    ),
    compared(
      'requests/s, the hop floor: a bare node:http server handing each request to 1 of 4 worker threads running the handler',
      'requestsPerSecond',
      'floor',
      bare,
    ),
    compared(
      'requests/s, cached TOKEN authorizer, against the hop floor (what the gateway adds to a thread hand-off)',
      'requestsPerSecond',
      'token',
      ['floor', 'the hop floor'],
    ),
    compared(
      "CPU per request under load, every thread (the load generator's included), cached TOKEN authorizer",
      'cpuUsPerRequest',
      'token',
      bares,
    ),
    compared(
      "CPU per request under load, every thread (the load generator's included), the hop floor",
      'cpuUsPerRequest',
      'floor',
      bares,
    ),
    ...paths.map(([name, label]) =>
      compared(
        `p99 under load, ${label}`,
        'p99Ms',
        name,
        bares,
        name === 'token' ? { atMost: 2 } : undefined,
      ),
    ),
  ];
}

function apiFigures(measured: ApiMeasurements): Figure[] {
  const section = sections.api;
  const me = measured.operations.me;
  const operations = Object.entries(measured.operations).map(
    ([operation, { p50Ms, p99Ms, count }]): Figure => ({
      section,
      name: `${operation}: p50 (p99), ${count} requests at ${measured.petsInTable} pets`,
      value: p50Ms,
      unit: 'ms',
      shown: `${ms(p50Ms)} (${ms(p99Ms)})`,
      ...(me && operation !== 'me'
        ? {
            reference: { name: 'GET /me (no table)', value: me.p50Ms },
            ratio: p50Ms / me.p50Ms,
          }
        : {}),
    }),
  );
  const first = measured.listPage[0];
  const pages = measured.listPage.map(
    ({ pets, p50Ms, p99Ms }): Figure => ({
      section,
      name: `list page (20 pets) at ${pets.toLocaleString('en-US')} pets: p50 (p99)`,
      value: p50Ms,
      unit: 'ms',
      shown: `${ms(p50Ms)} (${ms(p99Ms)})`,
      ...(first && pets !== first.pets
        ? {
            reference: {
              name: `the page at ${first.pets.toLocaleString('en-US')} pets`,
              value: first.p50Ms,
            },
            ratio: p50Ms / first.p50Ms,
            ...(pets === 100_000 ? { target: { atMost: 1.5 } } : {}),
          }
        : {}),
    }),
  );
  const { reads, distinct, contended, concurrency } = measured.purchases;
  const rate = ({ count, ms: took }: { count: number; ms: number }) => count / (took / 1000);
  return [
    ...operations,
    ...pages,
    {
      section,
      name: `purchases/s, distinct pets (${concurrency} buyers at once)`,
      value: rate(distinct),
      unit: '/s',
      reference: { name: 'GET /pets/{id} by the same buyers', value: rate(reads) },
      ratio: rate(distinct) / rate(reads),
    },
    {
      section,
      name: `purchases/s, one pet contended (${concurrency} at once, ${contended.oneWinnerEach ? 'one winner each' : 'NOT one winner each'})`,
      value: rate(contended),
      unit: '/s',
      reference: { name: 'distinct pets', value: rate(distinct) },
      ratio: rate(contended) / rate(distinct),
    },
  ];
}

function bundleFigures(bundles: readonly BundleMeasurement[]): Figure[] {
  const section = sections.bundles;
  return bundles.map((bundle): Figure => {
    const imports = bundle.imports.map((run) => run.importedMs - run.nodeReadyMs);
    const nodeStart = bundle.imports.map((run) => run.nodeReadyMs);
    return {
      section,
      name: `${bundle.file} (${bundle.functions.join(', ')}): import`,
      value: median(imports),
      unit: 'ms',
      shown: `${ms(median(imports))}; ${kb(bundle.bytes)} (gzip ${kb(bundle.gzipBytes)})`,
      reference: { name: "node's own start", value: median(nodeStart) },
      ratio: pairedRatio(imports, nodeStart),
    };
  });
}

function spaFigure(spa: SpaMeasurement): Figure {
  return {
    section: sections.bundles,
    name: `the SPA's initial JavaScript, gzip (${spa.scripts.join(', ')})`,
    value: spa.gzipBytes,
    unit: 'B',
    shown: kb(spa.gzipBytes),
    reference: { name: "the build's budget", value: spa.budgetBytes, shown: kb(spa.budgetBytes) },
    ratio: spa.gzipBytes / spa.budgetBytes,
    target: { atMost: 1 },
  };
}

/** The machine a run measured, as the table's heading states it. */
export interface Machine {
  readonly cpu: string;
  readonly cpus: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly date: string;
  /** The 1-minute load average when the run began and when it ended (other work on the machine). */
  readonly load: readonly [number, number];
}

/**
 * The table as Markdown: the machine, then one line per figure with its reference, ratio and
 * target (PASS / MISS), grouped by section; a benchmark that failed is named at the end.
 *
 * @example
 * console.log(formatTable(figuresOf(results), machine, 'pnpm bench'));
 */
export function formatTable(
  figures: readonly Figure[],
  machine: Machine,
  command: string,
  failed: readonly string[] = [],
): string {
  const lines = [
    `\`${command}\` on ${machine.date}: ${machine.cpu} × ${machine.cpus}, ${machine.memoryGiB} GiB, Node ${machine.node}, load average ${machine.load[0].toFixed(1)} at the start and ${machine.load[1].toFixed(1)} at the end.`,
    '',
    '| figure | measured | against, in the same run | ratio | target |',
    '| --- | --- | --- | --- | --- |',
  ];
  let section = '';
  for (const figure of figures) {
    if (figure.section !== section) {
      section = figure.section;
      lines.push(`| **${section}** | | | | |`);
    }
    const reference = figure.reference
      ? `${figure.reference.name}: ${figure.reference.shown ?? amount(figure.reference.value, figure.unit)}`
      : '';
    const ratio = figure.ratio === undefined ? '' : `${figure.ratio.toFixed(2)}x`;
    const target = figure.target
      ? `${'atMost' in figure.target ? `≤ ${figure.target.atMost}x` : `≥ ${figure.target.atLeast}x`} **${verdict(figure)}**`
      : '';
    lines.push(
      `| ${figure.name} | ${figure.shown ?? amount(figure.value, figure.unit)} | ${reference} | ${ratio} | ${target} |`,
    );
  }
  for (const name of failed)
    lines.push(`| **${name}: failed**, no figures (see its log) | | | | |`);
  return lines.join('\n');
}

function amount(value: number, unit: string): string {
  if (unit === 'B') return kb(value);
  if (unit === '/s') return `${Math.round(value).toLocaleString('en-US')}/s`;
  if (unit === 'ms') return ms(value);
  return `${value.toFixed(value < 100 ? 1 : 0)} ${unit}`;
}

function ms(value: number): string {
  return `${value.toFixed(value < 10 ? 2 : 1)} ms`;
}

function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}
