import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { AccountStore } from '../accounts/account-store';
import { HashingQueue } from '../accounts/hashing-queue';
import { type DemoUser, demoUsersOf, loadSeedUsers } from '../accounts/seed-users';
import { SignInThrottle } from '../accounts/sign-in-throttle';
import { loadSubjectKey } from '../accounts/subject-key';
import {
  type DevIdpConfig,
  type DevIdpOptions,
  resolveDevIdpConfig,
} from '../config/dev-idp-config';
import { createInteractionHandler } from '../interactions/interaction-handler';
import { keyRetentionSeconds } from '../keys/key-retention';
import { fileKeySource, memoryKeySource } from '../keys/key-source';
import { logLine } from '../logging/log-line';
import { createProvider } from '../provider/create-provider';
import { createSharedMemoryAdapter } from '../provider/shared-memory-adapter';
import { denyFraming } from './frame-headers';
import { closeServer, listen } from './listen';
import { type KeysChange, LiveProvider } from './live-provider';

export type { DevIdpConfig, DevIdpOptions } from '../config/dev-idp-config';
export type { KeysChange } from './live-provider';

export interface StartDevIdpOptions extends DevIdpOptions {
  /** Where log lines go (sign-in refusals, server errors); default: nowhere. */
  readonly log?: (message: string) => void;
  /** Environment to read settings from; default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
  /** Clock in epoch seconds, for key expiry and sign-in lockouts; default the system clock. */
  readonly now?: () => number;
}

/** A running dev-idp. */
export interface DevIdp {
  /** `http://127.0.0.1:<port>`, no trailing slash; discovery is at `<issuer>/.well-known/openid-configuration`. */
  readonly issuer: string;
  readonly port: number;
  /** `<issuer>/jwks`. */
  readonly jwksUri: string;
  readonly config: DevIdpConfig;
  /** Where the signing keys live (a file path, or memory). */
  readonly keyStorage: string;
  /** Seed users that have a demo password, for the start banner. */
  readonly demoUsers: readonly DemoUser[];
  /** Current keys: the one signing, and all published. */
  keys(): KeysChange;
  /** Emits `keys` after the published keys changed (rotation, expiry of a retired key). */
  onKeysChange(listener: (change: KeysChange) => void): () => void;
  /** Rotates the signing keys (in the data directory, or in memory); resolves with the new kid. */
  rotateKeys(): Promise<string>;
  /** Stops the server (and the key file watcher); calling it again is harmless. */
  close(): Promise<void>;
}

/**
 * Starts the local OpenID provider.
 *
 * @example
 * const idp = await startDevIdp({ port: 0, memory: true });
 * const discovery = await fetch(`${idp.issuer}/.well-known/openid-configuration`);
 * await idp.close();
 */
export async function startDevIdp(options: StartDevIdpOptions = {}): Promise<DevIdp> {
  const { log = () => {}, env = process.env, now = () => Math.floor(Date.now() / 1000) } = options;
  const config = resolveDevIdpConfig(options, env);
  const seedUsers = await loadSeedUsers(config.seedUsersFile);
  const accounts = new AccountStore(
    seedUsers,
    new HashingQueue(config.passwordHashing),
    await loadSubjectKey(config.dataDir),
  );
  const throttle = new SignInThrottle(config.signInLimits, now);
  const source = config.dataDir ? fileKeySource(config.dataDir) : memoryKeySource();
  const handleInteraction = createInteractionHandler({ accounts, throttle, log });

  const server = createServer();
  const port = await listen(server, config.host, config.port);
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const issuer = `http://${host}:${port}`;
  const cookieKeys = [randomBytes(32).toString('base64url')];
  const adapter = createSharedMemoryAdapter();
  const live = new LiveProvider(
    (keys) => createProvider({ issuer, config, keys, accounts, cookieKeys, adapter, log }),
    source,
    keyRetentionSeconds(config.accessTokenMinutes),
    now,
  );
  try {
    await live.reload();
  } catch (error) {
    await closeServer(server);
    throw error;
  }
  server.on('request', (req, res) => {
    denyFraming(res);
    const { provider, callback } = live.current;
    handleInteraction(provider, req, res).then(
      (handled) => handled || callback(req, res),
      (error: Error) => log(logLine`dev-idp: request failed: ${error}`),
    );
  });
  const stopWatching = source.watch(() => {
    live
      .reload()
      .catch((error: Error) => log(logLine`dev-idp: cannot reload keys: ${error.message}`));
  });

  const kids = () => live.current.keys.keys.map((key) => key.kid);
  let closing: Promise<void> | undefined;
  return {
    issuer,
    port,
    jwksUri: `${issuer}/jwks`,
    config,
    keyStorage: source.description,
    demoUsers: demoUsersOf(seedUsers),
    keys: () => ({ signingKid: kids()[0] ?? '', publishedKids: kids() }),
    onKeysChange: (listener) => {
      live.on('keys', listener);
      return () => live.off('keys', listener);
    },
    rotateKeys: () => live.rotate(),
    close: () => {
      stopWatching();
      live.close();
      closing ??= closeServer(server);
      return closing;
    },
  };
}
