import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultIdentity, readIamModel } from '@petstore/gateway/iam';
import { MemoryCredentialStore } from '@petstore/sigv4/memory-store';
import type { ActionHandler } from './actions/action-handler';
import { assumeRoleWithWebIdentity } from './actions/assume-role-with-web-identity';
import { getCallerIdentity } from './actions/get-caller-identity';
import { createStsRequestHandler } from './http/handle-sts-request';
import type { IamModel, LocalIdentity } from './iam-model';
import { consoleStsLogger, type StsLogger } from './log/sts-logger';
import { createOidcKeySource } from './token/oidc-key-source';
import { checkTrustPolicies } from './trust/evaluate-trust';

export type { IamModel, LocalIdentity, OidcProviderModel, RoleModel } from './iam-model';
export type { StsCallLogEntry, StsLogger } from './log/sts-logger';
export { TrustPolicyError } from './trust/evaluate-trust';

export interface LocalStsOptions {
  /** The SAM template whose `AWS::IAM::OIDCProvider` and `AWS::IAM::Role` resources are served. */
  readonly templatePath?: string;
  /** Or the IAM model itself (as `readIamModel` reads it). */
  readonly iam?: IamModel;
  /** Template parameter values (with `templatePath`). */
  readonly parameters?: Readonly<Record<string, string>>;
  /** Account, region, stack name; the region is the one `GetCallerIdentity` callers sign for. */
  readonly identity?: LocalIdentity;
  /** Default `127.0.0.1`. */
  readonly host?: string;
  /** Default 0: any free port. */
  readonly port?: number;
  /** Epoch milliseconds: token expiry, credential expiry, signature dates. Default `Date.now`. */
  readonly clock?: () => number;
  /** Partial: the rest goes to the console. */
  readonly log?: Partial<StsLogger>;
  /** Timeout of each request to an identity provider (discovery, JWKS), in ms. Default 5000. */
  readonly providerTimeoutMs?: number;
  /** How long expired credentials are still recognised as such (ms, default 1 h) and how many are kept (default 10 000). */
  readonly credentialRetention?: {
    readonly retainExpiredMs?: number;
    readonly maxEntries?: number;
  };
}

/** A running local STS. */
export interface LocalSts {
  /** `http://HOST:PORT` */
  readonly url: string;
  readonly port: number;
  /** The credentials it issued (a `CredentialStore` for a SigV4 verifier: the gateway's `AWS_IAM` methods). */
  readonly credentials: MemoryCredentialStore;
  /** What it serves. */
  readonly iam: IamModel;
  close(): Promise<void>;
}

/**
 * Starts a local AWS STS on the Query protocol: `AssumeRoleWithWebIdentity` over the OIDC
 * providers and roles of a template (token verified, trust policy evaluated) and
 * `GetCallerIdentity` for callers signing with the credentials it issued. Throws at start when a
 * trust policy cannot be evaluated (e.g. an unsupported condition operator) or the port is taken.
 *
 * @example
 * const sts = await startLocalSts({ templatePath: 'infra/template.yaml', parameters: { TokenIssuer: idp.issuer } });
 * const credentials = fromWebToken({ roleArn, webIdentityToken, clientConfig: { endpoint: sts.url, region: 'us-east-1' } });
 * await sts.close();
 */
export async function startLocalSts(options: LocalStsOptions): Promise<LocalSts> {
  const iam = await loadModel(options);
  checkTrustPolicies(iam.roles);
  const logger: StsLogger = { ...consoleStsLogger, ...options.log };
  for (const warning of iam.warnings) logger.warn(warning);
  const clock = options.clock ?? Date.now;
  const store = new MemoryCredentialStore({ clock, ...options.credentialRetention });
  const keys = createOidcKeySource(
    options.providerTimeoutMs === undefined ? {} : { timeoutMs: options.providerTimeoutMs },
  );
  const actions = new Map<string, ActionHandler>([
    ['AssumeRoleWithWebIdentity', assumeRoleWithWebIdentity({ iam, keys, store, clock })],
    [
      'GetCallerIdentity',
      getCallerIdentity({
        credentials: store,
        region: options.identity?.region ?? defaultIdentity.region,
        clock,
      }),
    ],
  ]);
  const handle = createStsRequestHandler({ actions, logger, clock });
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      logger.error(`unanswered request: ${String(error)}`);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  const host = options.host ?? '127.0.0.1';
  const requestedPort = options.port ?? 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`The local STS cannot listen on ${host}:${requestedPort}: the port is in use`)
          : error,
      );
    });
    server.listen(requestedPort, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger.info(
    `listening on ${url}: ${iam.oidcProviders.length} OIDC provider(s), ${iam.roles.size} role(s)`,
  );

  return {
    url,
    port,
    credentials: store,
    iam,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function loadModel(options: LocalStsOptions): Promise<IamModel> {
  if (options.iam) return options.iam;
  if (!options.templatePath) throw new TypeError('startLocalSts needs templatePath or iam');
  return readIamModel(options.templatePath, {
    ...(options.parameters ? { parameters: options.parameters } : {}),
    ...(options.identity ? { identity: options.identity } : {}),
  });
}
