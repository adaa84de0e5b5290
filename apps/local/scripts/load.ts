/**
 * `pnpm --filter @petstore/local load [--seconds 60]`: a bounded load run against a local stack it
 * starts itself (`--memory --no-watch`, free ports, 127.0.0.1 only). A fixed set of virtual users
 * on both APIs — bearer tokens on the token API, SigV4 with the local STS's role credentials on
 * the IAM API — reads, buys distinct pets, races for one pet, and adds and removes pets (data
 * stays flat: what is added is removed). Prints p50/p99 per operation, the stack process's memory
 * (resident set, sampled every second) and every unexpected reply; exits 1 if there was any.
 */
import { readFileSync } from 'node:fs';
import { exitWithMistake, readCommandLine } from '@petstore/command-line';
import { configuredEndpoints } from '../src/config/configured-endpoints';
import { localIamSettings } from '../src/iam/local-iam-settings';
import { type RoleCredentials, roleCredentials } from '../src/iam/role-credentials';
import { call, type Reply } from '../test/support/api-client';
import { signedCall } from '../test/support/signed-call';
import { startStackProcess } from '../test/support/stack-process';
import { tokenFor } from '../test/support/tokens';
import { LoadStats } from './load-stats';

// The AWS SDK is pinned (the README's toolchain notes); its Node.js 20 notice is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const spec = {
  usage: 'pnpm --filter @petstore/local load [--seconds 60]',
  details: '  --seconds N   how long the measured run lasts, 1 to 600 (default 60)',
  options: { seconds: { type: 'string', default: '60' } },
} as const;
const { values } = readCommandLine(spec);
const seconds = Number(values.seconds);
if (!Number.isInteger(seconds) || seconds < 1 || seconds > 600) {
  exitWithMistake(spec, `--seconds must be a whole number from 1 to 600, not '${values.seconds}'`);
}

/** Virtual users per API (fixed), and what each does in a loop. */
const readersPerApi = 3;
const distinctBuyersPerApi = 2;
const contenders = 4;
/** A person's pause between two requests. */
const thinkMs = 150;
/** Before the measured run, the same load (the functions' first starts), not counted. */
const warmUpSeconds = 5;

/** One API as a user of it calls it. */
interface Api {
  readonly name: 'token' | 'iam';
  send(who: string, method: string, path: string, body?: unknown): Promise<Reply>;
}

let stats = new LoadStats();
let requests = 0;
const deadline = { at: Number.POSITIVE_INFINITY };
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends one request and records it under `operation`; `expected` lists the statuses it expects. */
async function timed(
  api: Api,
  operation: string,
  expected: readonly number[],
  who: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Reply | undefined> {
  const started = performance.now();
  requests += 1;
  try {
    const reply = await api.send(who, method, path, body);
    const ms = performance.now() - started;
    const problem = expected.includes(reply.status)
      ? undefined
      : `${method} ${path} as ${who}: ${reply.status} ${JSON.stringify(reply.json)?.slice(0, 200)}`;
    stats.record(`${api.name} ${operation}`, ms, problem);
    return reply;
  } catch (error) {
    stats.record(
      `${api.name} ${operation}`,
      performance.now() - started,
      `${method} ${path}: ${String(error)}`,
    );
    return undefined;
  }
}

async function reader(api: Api, who: string): Promise<void> {
  while (performance.now() < deadline.at) {
    const list = await timed(api, 'list pets', [200], who, 'GET', '/pets?limit=20');
    await pause(thinkMs);
    const pets: { id: string }[] = list?.json?.items ?? [];
    const pet = pets[Math.floor(Math.random() * pets.length)];
    if (pet) await timed(api, 'get pet', [200, 404], who, 'GET', `/pets/${pet.id}`);
    await pause(thinkMs);
    await timed(api, 'me', [200], who, 'GET', '/me');
    await pause(thinkMs);
  }
}

async function addPet(api: Api, type: string): Promise<string | undefined> {
  const price = Math.round(Math.random() * 10_000) / 100 + 1;
  const added = await timed(api, 'add pet (admin)', [201], 'admin', 'POST', '/pets', {
    type,
    price,
  });
  return added?.status === 201 ? (added.json.id as string) : undefined;
}

async function removePet(api: Api, id: string): Promise<void> {
  await timed(api, 'remove pet (admin)', [204], 'admin', 'DELETE', `/pets/${id}`);
}

/** Buys pets no one else wants: each purchase must succeed. */
async function distinctBuyer(api: Api, who: string): Promise<void> {
  while (performance.now() < deadline.at) {
    const id = await addPet(api, 'cat');
    await pause(thinkMs);
    if (id) {
      await timed(api, 'purchase (distinct)', [200], who, 'POST', `/pets/${id}/purchase`);
      await pause(thinkMs);
      await removePet(api, id);
    }
    await pause(thinkMs);
  }
}

/** Several buyers at once on one pet: exactly one gets it, the others 409 PET_ALREADY_SOLD. */
async function contention(api: Api, buyers: readonly string[]): Promise<void> {
  while (performance.now() < deadline.at) {
    const id = await addPet(api, 'bird');
    await pause(thinkMs);
    if (!id) continue;
    const replies = await Promise.all(
      buyers.map((who) =>
        timed(api, 'purchase (contended)', [200, 409], who, 'POST', `/pets/${id}/purchase`),
      ),
    );
    const winners = replies.filter((reply) => reply?.status === 200).length;
    const losersTold = replies.every(
      (reply) => reply?.status !== 409 || reply.json?.code === 'PET_ALREADY_SOLD',
    );
    stats.check(
      `${api.name} contended rounds (one winner, the others 409 PET_ALREADY_SOLD)`,
      winners === 1 && losersTold ? undefined : `pet ${id}: ${winners} buyers got it`,
    );
    await pause(thinkMs);
    await removePet(api, id);
    await pause(thinkMs);
  }
}

/** An admin adding and removing pets (writes without purchases). */
async function adminWriter(api: Api): Promise<void> {
  while (performance.now() < deadline.at) {
    const id = await addPet(api, 'fish');
    await pause(thinkMs);
    if (id) await removePet(api, id);
    await pause(thinkMs);
  }
}

/** The resident memory of a process, in MiB (Linux). */
function residentMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((row) => row.startsWith('VmRSS:'));
  return Number(line?.split(/\s+/)[1] ?? 0) / 1024;
}

const buyerNames = Array.from(
  { length: distinctBuyersPerApi + contenders },
  (_, index) => `buyer${index + 1}`,
);
const signInOf = (who: string) => ({
  connection: 'social' as const,
  name: `Load ${who}`,
  email: `${who}@load.example.com`,
});

console.log(`Starting a local stack (--memory --no-watch, free ports)...`);
const stack = await startStackProcess();
const pid = stack.child.pid as number;
try {
  const configured = configuredEndpoints(stack.ports);
  const endpoints = { ...configured, ...(await localIamSettings(configured)) };

  const tokens = new Map<string, string>([['admin', await tokenFor(stack, 'admin')]]);
  const credentials = new Map<string, RoleCredentials>([
    ['admin', await roleCredentials('admin', endpoints)],
  ]);
  for (const who of buyerNames) {
    tokens.set(who, await tokenFor(stack, 'buyer', signInOf(who)));
    credentials.set(who, await roleCredentials('buyer', endpoints, { signIn: signInOf(who) }));
  }

  const tokenApi: Api = {
    name: 'token',
    send: (who, method, path, body) =>
      call(`${stack.apiUrl}${path}`, { method, token: tokens.get(who) ?? '', body }),
  };
  const iamApi: Api = {
    name: 'iam',
    send: (who, method, path, body) => {
      const user = credentials.get(who);
      if (!user) throw new Error(`no credentials for ${who}`);
      return signedCall(`${stack.iamApiUrl}${path}`, {
        method,
        body,
        region: endpoints.region,
        credentials: user.credentials,
        // A purchase on the IAM API carries the buyer's ID token (who bought it).
        ...(path.endsWith('/purchase') ? { headers: { 'X-Id-Token': user.idToken } } : {}),
      });
    },
  };

  const distinct = buyerNames.slice(0, distinctBuyersPerApi);
  const racing = buyerNames.slice(distinctBuyersPerApi);
  const run = (forSeconds: number) => {
    deadline.at = performance.now() + forSeconds * 1_000;
    return Promise.all(
      [tokenApi, iamApi].flatMap((api) => [
        ...Array.from({ length: readersPerApi }, (_, index) =>
          reader(api, index === 0 ? 'admin' : (buyerNames[index] ?? 'admin')),
        ),
        ...distinct.map((who) => distinctBuyer(api, who)),
        contention(api, racing),
        adminWriter(api),
      ]),
    );
  };
  console.log(`Warming up for ${warmUpSeconds} s (the functions' first starts; not counted)...`);
  await run(warmUpSeconds);
  stats = new LoadStats();
  requests = 0;
  console.log(
    `Running ${seconds} s: per API ${readersPerApi} readers (admin and buyers), ${distinct.length} buyers of distinct pets, ${racing.length} buyers racing for one pet at a time, 1 admin adding and removing pets.`,
  );
  const memory: number[] = [residentMiB(pid)];
  const sampler = setInterval(() => memory.push(residentMiB(pid)), 1_000);
  const started = performance.now();
  await run(seconds);
  clearInterval(sampler);
  memory.push(residentMiB(pid));
  const elapsed = (performance.now() - started) / 1_000;

  const warm = memory.slice(Math.min(10, memory.length - 1));
  const first = warm[0] ?? 0;
  const last = warm.at(-1) ?? 0;
  console.log(
    `\n${requests} requests in ${elapsed.toFixed(1)} s (${(requests / elapsed).toFixed(1)}/s)\n`,
  );
  console.log(stats.report());
  console.log(
    `\nstack process memory (RSS, MiB, every 10 s): ${memory
      .filter((_, index) => index % 10 === 0)
      .map((mib) => mib.toFixed(0))
      .join(' ')}`,
  );
  console.log(
    `after warm-up (from 10 s): ${first.toFixed(0)} -> ${last.toFixed(0)} MiB, min ${Math.min(...warm).toFixed(0)}, max ${Math.max(...warm).toFixed(0)} (${(((last - first) / first) * 100).toFixed(1)}%)`,
  );
  console.log(`unexpected errors: ${stats.unexpectedCount}`);
} finally {
  await stack.stop();
}
process.exitCode = stats.unexpectedCount === 0 ? 0 : 1;
