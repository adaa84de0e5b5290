/**
 * Benchmark (not a test). Prints, on this machine:
 * - verify throughput of the authorizer's verify path and of the whole authorizer, each as a
 *   ratio to `node:crypto.verify` (RSA-SHA256) on the same tokens, measured side by side in
 *   interleaved rounds of one run;
 * - cold start: a fresh `node` process importing the bundle, to its first policy (JWKS_FILE,
 *   no network), median of several runs, next to an empty `node` process;
 * - the bundle's size, raw and gzip.
 * Run `pnpm build` first (turbo's `bench` task does).
 */
import { execFile } from 'node:child_process';
import { createPublicKey, verify as cryptoVerify } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { operations } from '@petstore/api-contract/operations';
import { permissionValues } from '@petstore/api-contract/types';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { loadConfig } from '../src/config/load-config';
import { createKeySource } from '../src/keys/key-source';
import { createTokenVerifier } from '../src/verify/verify-token';
import { wireAuthorizer } from '../src/wire-authorizer';

const issuer = 'http://127.0.0.1:9000';
const audience = 'https://api.petstore.local';
const methodArn = 'arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets';
const bundle = new URL('../dist/authorizer/index.mjs', import.meta.url);
const silent = { debug() {}, info() {}, warn() {}, error() {} };

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

// The three contestants, on the same tokens.
const env = { TOKEN_ISSUER: issuer, AUDIENCE: audience, JWKS_URI: 'http://127.0.0.1:9/jwks' };
const config = loadConfig(env);
const keys = createKeySource({
  jwksUri: config.jwksUri,
  cooldownSeconds: 30,
  timeoutMs: 1000,
  file: jwks,
});
const verifyPath = createTokenVerifier({ ...config, keys });
const authorize = wireAuthorizer(config, {
  log: silent,
  operations,
  permissions: permissionValues,
  jwksFile: jwks,
});
const nodeKey = createPublicKey({ key: jwk, format: 'jwk' });
const split = tokens.map((token) => {
  const dot = token.lastIndexOf('.');
  return {
    input: Buffer.from(token.slice(0, dot)),
    signature: Buffer.from(token.slice(dot + 1), 'base64url'),
  };
});

const contestants = {
  'node:crypto.verify (RSA-SHA256)': async (index: number) => {
    const { input, signature } = split[index % split.length] ?? {
      input: Buffer.alloc(0),
      signature: Buffer.alloc(0),
    };
    if (!cryptoVerify('RSA-SHA256', input, nodeKey, signature)) throw new Error('bad signature');
  },
  'verify path (jose jwtVerify + checks)': async (index: number) => {
    await verifyPath(`Bearer ${tokens[index % tokens.length]}`);
  },
  'whole authorizer (verify + policy + context)': async (index: number) => {
    await authorize({
      type: 'TOKEN',
      authorizationToken: `Bearer ${tokens[index % tokens.length]}`,
      methodArn,
    });
  },
} as const;
type Name = keyof typeof contestants;

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

// Warm up, then interleave: every round measures each contestant once, in turn.
for (const run of Object.values(contestants)) await throughput(run, 300);
const rounds = 7;
const samples = new Map<Name, number[]>(Object.keys(contestants).map((name) => [name as Name, []]));
for (let round = 0; round < rounds; round += 1) {
  for (const [name, run] of Object.entries(contestants))
    samples.get(name as Name)?.push(await throughput(run, 400));
}
const baseline = median(samples.get('node:crypto.verify (RSA-SHA256)') ?? []);

console.log(
  `machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, Node ${process.version}`,
);
console.log(
  `\n## Verify throughput (sequential, median of ${rounds} interleaved rounds, ${tokens.length} tokens)\n`,
);
console.log('| path | verifications/s | ratio to node:crypto.verify |');
console.log('|---|---:|---:|');
for (const [name, values] of samples) {
  const opsPerSecond = median(values);
  console.log(
    `| ${name} | ${Math.round(opsPerSecond)} | ${(opsPerSecond / baseline).toFixed(2)} |`,
  );
}

// Cold start: a fresh process importing the bundle until its first policy.
if (!existsSync(bundle)) throw new Error('no bundle: run `pnpm build` first');
const folder = mkdtempSync(join(tmpdir(), 'authorizer-bench-'));
const jwksFile = join(folder, 'jwks.json');
writeFileSync(jwksFile, JSON.stringify(jwks));
const child = `
  const { handler } = await import(${JSON.stringify(bundle.href)});
  const result = await handler({ type: 'TOKEN', authorizationToken: process.argv[1], methodArn: ${JSON.stringify(methodArn)} });
  if (!result.policyDocument) process.exit(1);
  process.stdout.write(String(performance.now()));`;
const childEnv = { PATH: process.env.PATH ?? '', ...env, JWKS_FILE: jwksFile, LOG_LEVEL: 'SILENT' };

async function spawnTimed(args: string[]): Promise<{ wall: number; inProcess: number }> {
  const start = performance.now();
  const { stdout } = await promisify(execFile)(process.execPath, args, { env: childEnv });
  return { wall: performance.now() - start, inProcess: Number(stdout) };
}

const runs = 9;
const cold: { wall: number; inProcess: number }[] = [];
const empty: number[] = [];
for (let run = 0; run < runs; run += 1) {
  cold.push(await spawnTimed(['--input-type=module', '-e', child, `Bearer ${tokens[run]}`]));
  empty.push((await spawnTimed(['--input-type=module', '-e', 'process.stdout.write("0")'])).wall);
}
console.log(`\n## Cold start (fresh node process to first policy, JWKS_FILE, median of ${runs})\n`);
console.log('| measure | ms |');
console.log('|---|---:|');
console.log(
  `| spawn to exit, importing the bundle and authorizing one token | ${median(cold.map((c) => c.wall)).toFixed(1)} |`,
);
console.log(`| spawn to exit, empty node process (for comparison) | ${median(empty).toFixed(1)} |`);
console.log(
  `| inside the process: process start to first policy | ${median(cold.map((c) => c.inProcess)).toFixed(1)} |`,
);

const code = readFileSync(bundle);
console.log('\n## Bundle\n');
console.log('| file | bytes | gzip bytes |');
console.log('|---|---:|---:|');
console.log(`| dist/authorizer/index.mjs | ${code.byteLength} | ${gzipSync(code).byteLength} |`);
