/**
 * Benchmark (not a test). Measures, side by side in one run on this machine:
 * - verification throughput, one call at a time, in interleaved rounds on the same tokens:
 *   `node:crypto.verify` (RSA-SHA256), jose's `jwtVerify` alone (the options the authorizer
 *   passes, a local key set), the authorizer's verify path (its sources), the whole authorizer
 *   (its bundle's handler);
 * - cold start: fresh `node` processes importing the bundle and answering a first policy
 *   (JWKS_FILE, no network), next to `bench/minimal-handler.mjs` (node:crypto alone);
 * - the bundle's size, and jose alone bundled the same way.
 * Prints a report; with `BENCH_OUTPUT` set, also writes the {@link AuthorizerMeasurements} there
 * as JSON (the root `pnpm bench` does). Run `pnpm build` first (turbo's `bench` task does).
 */
import { execFile } from 'node:child_process';
import { createPublicKey, verify as cryptoVerify } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { bundledBytes } from '@petstore/lambda-bundle/bundle';
import { createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { loadConfig } from '../src/config/load-config';
import { createKeySource } from '../src/keys/key-source';
import { createTokenVerifier } from '../src/verify/verify-token';
import type { AuthorizerMeasurements, ColdStart } from './measurements';

const issuer = 'http://127.0.0.1:9000';
const audience = 'https://api.petstore.local';
const methodArn = 'arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets';
const bundle = new URL('../dist/authorizer/index.mjs', import.meta.url);
const minimalHandler = new URL('./minimal-handler.mjs', import.meta.url);
if (!existsSync(bundle)) throw new Error('no bundle: run `pnpm build` first');

// Keys and tokens: 256 distinct RS256 access tokens, as the identity provider would sign them.
const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
const jwk = { ...(await exportJWK(publicKey)), kid: 'bench', alg: 'RS256', use: 'sig' };
const jwks = { keys: [jwk] };
const now = Math.floor(Date.now() / 1000);
const tokens = await Promise.all(
  Array.from({ length: 256 }, (_, index) =>
    new SignJWT({ permissions: ['read:pets', 'purchase:pets'], email: `user${index}@x.test` })
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: 'bench' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject(`user-${index}`)
      .setIssuedAt(now)
      .setExpirationTime(now + 3600)
      .sign(privateKey),
  ),
);
const tokenAt = (index: number) => tokens[index % tokens.length] ?? '';

// The contestants, on the same tokens.
const env = { TOKEN_ISSUER: issuer, AUDIENCE: audience, JWKS_URI: 'http://127.0.0.1:9/jwks' };
const config = loadConfig(env);
const keys = createKeySource({
  jwksUri: config.jwksUri,
  cooldownSeconds: 30,
  timeoutMs: 1000,
  file: jwks,
});
const verifyPath = createTokenVerifier({ ...config, keys });
// The whole authorizer as it is deployed: the bundle's handler, configured by its environment
// (the keys from JWKS_FILE, no log lines), imported once as Lambda's runtime does. Run from the
// sources under tsx it would pay for tsx's transform too (a `__name` call for each closure).
const folder = mkdtempSync(join(tmpdir(), 'authorizer-bench-'));
const jwksFile = join(folder, 'jwks.json');
writeFileSync(jwksFile, JSON.stringify(jwks));
const handlerEnv = { ...env, JWKS_FILE: jwksFile, LOG_LEVEL: 'SILENT' };
Object.assign(process.env, handlerEnv);
const { handler: authorize } = (await import(bundle.href)) as {
  handler: (event: {
    type: 'TOKEN';
    authorizationToken: string;
    methodArn: string;
  }) => Promise<unknown>;
};
// jose alone: the options createTokenVerifier passes, a plain local key set.
const localKeys = createLocalJWKSet(jwks);
const joseOptions = {
  issuer,
  audience,
  algorithms: [...config.algorithms],
  clockTolerance: config.clockToleranceSeconds,
  requiredClaims: ['exp', 'iat', 'sub'],
  typ: 'at+jwt',
};
const nodeKey = createPublicKey({ key: jwk, format: 'jwk' });
const split = tokens.map((token) => {
  const dot = token.lastIndexOf('.');
  return {
    input: Buffer.from(token.slice(0, dot)),
    signature: Buffer.from(token.slice(dot + 1), 'base64url'),
  };
});

const contestants = {
  cryptoVerify: async (index: number) => {
    const { input, signature } = split[index % split.length] ?? {
      input: Buffer.alloc(0),
      signature: Buffer.alloc(0),
    };
    if (!cryptoVerify('RSA-SHA256', input, nodeKey, signature)) throw new Error('bad signature');
  },
  joseJwtVerify: async (index: number) => {
    await jwtVerify(tokenAt(index), localKeys, joseOptions);
  },
  verifyPath: async (index: number) => {
    await verifyPath(`Bearer ${tokenAt(index)}`);
  },
  wholeAuthorizer: async (index: number) => {
    await authorize({ type: 'TOKEN', authorizationToken: `Bearer ${tokenAt(index)}`, methodArn });
  },
} as const;
type Name = keyof typeof contestants;
const labels: Record<Name, string> = {
  cryptoVerify: 'node:crypto.verify (RSA-SHA256)',
  joseJwtVerify: "jose's jwtVerify alone",
  verifyPath: 'verify path (Bearer, header, jwtVerify, claims)',
  wholeAuthorizer: 'whole authorizer, the bundle (verify + policy + context)',
};

/** Operations per second of `run` for about `ms` milliseconds, one call at a time. */
async function throughput(run: (index: number) => Promise<void>, ms: number): Promise<number> {
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    await run(count);
    count += 1;
  }
  return count / ((performance.now() - start) / 1000);
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

// Warm up, then interleave finely: a round runs each contestant for `batch` calls in turn,
// `batches` times, starting with the next contestant each time, and adds up each one's time;
// so a busy moment of the shared machine falls on all of them alike.
for (const run of Object.values(contestants)) await throughput(run, 300);
const rounds = 20;
const batches = 25;
const batch = 8;
const names = Object.keys(contestants) as Name[];
const samples = new Map<Name, number[]>(names.map((name) => [name, []]));
let call = 0;
for (let round = 0; round < rounds; round += 1) {
  const spent = new Map<Name, number>(names.map((name) => [name, 0]));
  for (let turn = 0; turn < batches; turn += 1) {
    for (let offset = 0; offset < names.length; offset += 1) {
      const name = names[(turn + offset) % names.length] as Name;
      const started = performance.now();
      for (let index = 0; index < batch; index += 1) await contestants[name](call++);
      spent.set(name, (spent.get(name) ?? 0) + performance.now() - started);
    }
  }
  for (const name of names)
    samples.get(name)?.push((batches * batch) / ((spent.get(name) ?? 1) / 1000));
}
const perRound = (name: Name) => samples.get(name) ?? [];

// Cold start: fresh processes importing a handler until its first policy.
const child = `
  const nodeReadyMs = performance.now();
  const { handler } = await import(process.argv[1]);
  const importedMs = performance.now();
  const result = await handler({ type: 'TOKEN', authorizationToken: process.argv[2], methodArn: ${JSON.stringify(methodArn)} });
  if (!result.policyDocument) process.exit(1);
  process.stdout.write(JSON.stringify({ nodeReadyMs, importedMs, firstPolicyMs: performance.now() }));`;
const childEnv = { PATH: process.env.PATH ?? '', ...handlerEnv };

async function coldStart(handler: URL, token: string): Promise<ColdStart> {
  const args = ['--input-type=module', '-e', child, handler.href, `Bearer ${token}`];
  const { stdout } = await promisify(execFile)(process.execPath, args, { env: childEnv });
  return JSON.parse(stdout) as ColdStart;
}
const medianStart = (starts: readonly ColdStart[]): ColdStart => ({
  nodeReadyMs: median(starts.map((start) => start.nodeReadyMs)),
  importedMs: median(starts.map((start) => start.importedMs)),
  firstPolicyMs: median(starts.map((start) => start.firstPolicyMs)),
});

const runs = 11;
const cold: ColdStart[] = [];
const minimal: ColdStart[] = [];
for (let run = 0; run < runs; run += 1) {
  cold.push(await coldStart(bundle, tokenAt(run)));
  minimal.push(await coldStart(minimalHandler, tokenAt(run)));
}
rmSync(folder, { recursive: true, force: true });

const code = readFileSync(bundle);
const measurements: AuthorizerMeasurements = {
  verificationsPerSecond: {
    cryptoVerify: perRound('cryptoVerify'),
    joseJwtVerify: perRound('joseJwtVerify'),
    verifyPath: perRound('verifyPath'),
    wholeAuthorizer: perRound('wholeAuthorizer'),
  },
  coldStart: { authorizer: cold, minimalHandler: minimal },
  bundle: {
    bytes: code.byteLength,
    gzipBytes: gzipSync(code).byteLength,
    joseAloneBytes: await bundledBytes(
      "export { createLocalJWKSet, createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify } from 'jose';",
      fileURLToPath(new URL('..', import.meta.url)),
      { requireShim: false },
    ),
  },
};

console.log(
  `machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, Node ${process.version}`,
);
console.log(
  `\n## Verify throughput (sequential, median of ${rounds} interleaved rounds, ${tokens.length} tokens)\n`,
);
console.log('| path | verifications/s | ratio to node:crypto.verify |');
console.log('|---|---:|---:|');
const baseline = median(measurements.verificationsPerSecond.cryptoVerify);
for (const [name, perRoundValues] of Object.entries(measurements.verificationsPerSecond)) {
  const opsPerSecond = median(perRoundValues);
  console.log(
    `| ${labels[name as Name]} | ${Math.round(opsPerSecond)} | ${(opsPerSecond / baseline).toFixed(2)} |`,
  );
}
console.log(`\n## Cold start (fresh node process, ms from its start, median of ${runs})\n`);
console.log('| handler | node ready | imported | first policy |');
console.log('|---|---:|---:|---:|');
for (const [name, starts] of Object.entries(measurements.coldStart)) {
  const start = medianStart(starts);
  console.log(
    `| ${name} | ${start.nodeReadyMs.toFixed(1)} | ${start.importedMs.toFixed(1)} | ${start.firstPolicyMs.toFixed(1)} |`,
  );
}
console.log('\n## Bundle\n');
console.log(
  `dist/authorizer/index.mjs: ${measurements.bundle.bytes} bytes (gzip ${measurements.bundle.gzipBytes}); jose alone: ${measurements.bundle.joseAloneBytes}`,
);
if (process.env.BENCH_OUTPUT) writeFileSync(process.env.BENCH_OUTPUT, JSON.stringify(measurements));
