/**
 * Benchmark (a script, not a test): the token API through a local stack it starts itself
 * (`--memory --no-watch`, free ports, 127.0.0.1 only), with real tokens from the stack's dev-idp:
 * 1. each operation's p50 and p99, sequential and interleaved (list, get, me, add, purchase,
 *    remove), at 100 pets;
 * 2. a list page (`GET /pets?limit=20`) at 100, 10,000 and 100,000 pets, the table filled
 *    directly with BatchWrite (the domain's items, as its adapter writes them);
 * 3. purchases per second: buyers at once on distinct pets, then all of them on one pet at a
 *    time (exactly one 200, the rest 409 per pet), next to reads by the same buyers at once.
 * Every route stays under the stage's throttle (50 per second, burst 100): the interleaved run
 * spreads its requests over six routes, and the purchase runs are smaller than the burst with a
 * pause to refill it. Prints the figures; with `BENCH_OUTPUT` set, also writes the
 * {@link ApiMeasurements} there as JSON (the root `pnpm bench` does).
 * Run: pnpm --filter @petstore/local bench:api
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { setTimeout as pause } from 'node:timers/promises';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { toItem } from '@petstore/domain/dynamodb';
import { newPet } from '@petstore/domain/pets';
import { percentile } from '../scripts/load-stats';
import { localDynamoClient } from '../src/stack/local-dynamo-client';
import { call, type Reply } from '../test/support/api-client';
import { startStackProcess } from '../test/support/stack-process';
import { tokenFor } from '../test/support/tokens';
import type { ApiMeasurements, LatencySummary, Throughput } from './measurements';

// The AWS SDK is pinned (the README's toolchain notes); its Node.js 20 notice is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** Rounds of the interleaved run: one request of each operation per round. */
const rounds = 120;
/** List pages measured at each table size. */
const pagesPerSize = 60;
const tableSizes = [100, 10_000, 100_000] as const;
/** Buyers at once in the purchase runs, and purchases (or reads) per run: within the burst. */
const buyers = 4;
const perRun = 80;
/** Enough for the stage's bucket (50 a second) to hold `perRun` requests again. */
const refillMs = Math.ceil((perRun / 50) * 1000) + 200;

const unexpected: string[] = [];
const latencies = new Map<string, number[]>();

/** One request, timed and recorded under `operation`; a reply outside `expected` is noted. */
async function timed(
  operation: string | undefined,
  expected: readonly number[],
  url: string,
  init: Parameters<typeof call>[1],
): Promise<Reply> {
  const started = performance.now();
  const reply = await call(url, init);
  const ms = performance.now() - started;
  if (operation) latencies.set(operation, [...(latencies.get(operation) ?? []), ms]);
  if (!expected.includes(reply.status)) {
    unexpected.push(
      `${init?.method ?? 'GET'} ${new URL(url).pathname}: ${reply.status} ${JSON.stringify(reply.json)?.slice(0, 160)}`,
    );
  }
  return reply;
}

function summary(values: readonly number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) };
}

/** Runs `count` calls of `once`, `concurrency` at a time; how long they took. */
async function throughput(
  count: number,
  concurrency: number,
  once: (index: number, worker: number) => Promise<unknown>,
): Promise<Throughput> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let index = next++; index < count; index = next++) await once(index, worker);
    }),
  );
  return { count, ms: performance.now() - started };
}

console.log('Starting a local stack (--memory --no-watch, free ports)...');
const stack = await startStackProcess();
try {
  const tableName = /table (\S+),/.exec(stack.output())?.[1];
  if (!tableName) throw new Error(`The stack named no table in its banner:\n${stack.output()}`);
  const dynamo = localDynamoClient(`http://127.0.0.1:${stack.ports.dynamodb}`);
  let petsInTable = 3; // the classic pets a new table is seeded with
  let seededAt = Date.UTC(2020, 0, 1);

  /** Puts `count` new pets straight into the table (25 per BatchWrite, 4 at a time); their ids. */
  const seed = async (count: number): Promise<string[]> => {
    const ids: string[] = [];
    const items = Array.from({ length: count }, () => {
      seededAt += 1_000;
      const pet = newPet({
        id: randomUUID(),
        type: 'fish',
        price: 9.99,
        createdAt: new Date(seededAt).toISOString(),
      });
      ids.push(pet.id);
      return toItem(pet);
    });
    await throughput(Math.ceil(items.length / 25), 4, async (batch) => {
      let requests = items
        .slice(batch * 25, batch * 25 + 25)
        .map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; requests.length > 0; attempt++) {
        if (attempt > 10) throw new Error('BatchWrite left items unprocessed 10 times');
        const { UnprocessedItems } = await dynamo.send(
          new BatchWriteCommand({ RequestItems: { [tableName]: requests } }),
        );
        requests = (UnprocessedItems?.[tableName] ?? []) as typeof requests;
      }
    });
    petsInTable += count;
    return ids;
  };

  console.log('Signing in an admin and the buyers through the dev-idp...');
  const admin = await tokenFor(stack, 'admin');
  const buyerTokens = await Promise.all(
    Array.from({ length: buyers }, (_, index) =>
      tokenFor(stack, 'buyer', {
        connection: 'social',
        name: `Bench buyer ${index + 1}`,
        email: `bench-buyer-${index + 1}@bench.example.com`,
      }),
    ),
  );
  const buyer = buyerTokens[0] ?? '';
  const api = (path: string) => `${stack.apiUrl}${path}`;
  const addPet = (operation?: string) =>
    timed(operation, [201], api('/pets'), {
      method: 'POST',
      token: admin,
      body: { type: 'cat', price: 42.5 },
    });

  const firstIds = await seed(100 - petsInTable);
  console.log('Warming up every function (first starts, not counted)...');
  for (let index = 0; index < 5; index++) {
    await timed(undefined, [200], api('/pets?limit=20'), { token: buyer });
    await timed(undefined, [200], api(`/pets/${firstIds[index]}`), { token: buyer });
    await timed(undefined, [200], api('/me'), { token: buyer });
    const added = await addPet();
    await timed(undefined, [200], api(`/pets/${added.json?.id}/purchase`), {
      method: 'POST',
      token: buyer,
    });
    await timed(undefined, [204], api(`/pets/${added.json?.id}`), {
      method: 'DELETE',
      token: admin,
    });
  }

  console.log(`Each operation, ${rounds} interleaved rounds at ${petsInTable} pets...`);
  for (let round = 0; round < rounds; round++) {
    await timed('list pets', [200], api('/pets?limit=20'), { token: buyer });
    await timed('get pet', [200], api(`/pets/${firstIds[round % firstIds.length]}`), {
      token: buyer,
    });
    await timed('me', [200], api('/me'), { token: buyer });
    const added = await addPet('add pet (admin)');
    const id = added.json?.id as string | undefined;
    await timed('purchase', [200], api(`/pets/${id}/purchase`), { method: 'POST', token: buyer });
    await timed('remove pet (admin)', [204], api(`/pets/${id}`), {
      method: 'DELETE',
      token: admin,
    });
  }
  const operations = Object.fromEntries(
    [...latencies].map(([operation, values]) => [operation, summary(values)]),
  );
  const operationsAt = petsInTable;

  const listPage: ApiMeasurements['listPage'][number][] = [];
  for (const size of tableSizes) {
    if (size > petsInTable) {
      console.log(`Filling the table to ${size} pets (BatchWrite)...`);
      await seed(size - petsInTable);
    }
    const pages: number[] = [];
    for (let page = 0; page < pagesPerSize; page++) {
      const started = performance.now();
      const reply = await timed(undefined, [200], api('/pets?limit=20'), { token: buyer });
      pages.push(performance.now() - started);
      if (reply.json?.items?.length !== 20) unexpected.push(`list at ${size}: not a full page`);
    }
    listPage.push({ pets: size, ...summary(pages) });
  }

  console.log(`Purchases, ${buyers} buyers at once...`);
  const forSale = await seed(perRun * 2);
  const tokenOf = (worker: number) => buyerTokens[worker] ?? buyer;
  const reads = await throughput(perRun, buyers, (index, worker) =>
    timed(undefined, [200], api(`/pets/${forSale[index]}`), { token: tokenOf(worker) }),
  );
  const distinct = await throughput(perRun, buyers, (index, worker) =>
    timed(undefined, [200], api(`/pets/${forSale[index]}/purchase`), {
      method: 'POST',
      token: tokenOf(worker),
    }),
  );
  await pause(refillMs);
  const contendedPets = forSale.slice(perRun, perRun + perRun / buyers);
  let oneWinnerEach = true;
  const started = performance.now();
  for (const id of contendedPets) {
    const replies = await Promise.all(
      buyerTokens.map((token) =>
        timed(undefined, [200, 409], api(`/pets/${id}/purchase`), { method: 'POST', token }),
      ),
    );
    const winners = replies.filter((reply) => reply.status === 200).length;
    const losersTold = replies.every(
      (reply) => reply.status !== 409 || reply.json?.code === 'PET_ALREADY_SOLD',
    );
    if (winners !== 1 || !losersTold) oneWinnerEach = false;
  }
  const contended = {
    count: contendedPets.length * buyers,
    ms: performance.now() - started,
    pets: contendedPets.length,
    oneWinnerEach,
  };
  dynamo.destroy();

  const measurements: ApiMeasurements = {
    operations,
    petsInTable: operationsAt,
    listPage,
    purchases: { concurrency: buyers, reads, distinct, contended },
    unexpected,
  };
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(`\nOperations (sequential, interleaved, ${operationsAt} pets):`);
  for (const [operation, { count, p50Ms, p99Ms }] of Object.entries(operations))
    console.log(`  ${operation.padEnd(20)} ${count} requests  p50 ${ms(p50Ms)}  p99 ${ms(p99Ms)}`);
  console.log('List page (GET /pets?limit=20):');
  for (const { pets, p50Ms, p99Ms } of listPage)
    console.log(`  ${String(pets).padStart(7)} pets  p50 ${ms(p50Ms)}  p99 ${ms(p99Ms)}`);
  const perSecond = ({ count, ms: took }: Throughput) => (count / (took / 1000)).toFixed(1);
  console.log(
    `Purchases/s (${buyers} at once): distinct ${perSecond(distinct)}, one contended pet ${perSecond(contended)} (one winner each: ${oneWinnerEach}), reads ${perSecond(reads)}`,
  );
  console.log(`Unexpected replies: ${unexpected.length}`);
  for (const problem of unexpected.slice(0, 5)) console.log(`  ${problem}`);
  if (process.env.BENCH_OUTPUT)
    writeFileSync(process.env.BENCH_OUTPUT, JSON.stringify(measurements));
} finally {
  await stack.stop();
}
