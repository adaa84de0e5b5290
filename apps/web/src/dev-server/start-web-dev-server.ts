import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const appRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Which API the app calls: `token` (bearer tokens) or `iam` (SigV4 with STS credentials). */
export type WebApiMode = 'token' | 'iam';

/** The IAM API and what the app needs to call it (`VITE_IAM_API_URL`, `VITE_AWS_REGION`, ...). */
export interface WebDevServerIamOptions {
  /** The IAM API's base URL (its methods are `AWS_IAM`). */
  readonly apiUrl: string;
  /** The region requests are signed for (the gateway's region). */
  readonly region: string;
  /** The STS endpoint (the local STS). */
  readonly stsUrl: string;
  readonly adminRoleArn: string;
  readonly buyerRoleArn: string;
}

export interface WebDevServerOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly apiUrl: string;
  /** The OpenID provider's issuer URL. */
  readonly issuer: string;
  readonly clientId: string;
  /** The API identifier (token `aud`), sent as the `resource` parameter. */
  readonly audience: string;
  /** Which API the app calls (default `token`); `iam` needs {@link WebDevServerOptions.iam}. */
  readonly apiMode?: WebApiMode;
  /** The IAM API's settings; injected whenever given, used in `iam` mode. */
  readonly iam?: WebDevServerIamOptions;
  /** Reload the page when the app's sources change (default true). */
  readonly watch?: boolean;
}

export interface WebDevServer {
  /** `http://<host>:<port>`, no trailing slash. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves the SPA with Vite's dev server, its configuration (the `VITE_*` variables) injected from
 * these options rather than read from the environment, so it always points at the stack that
 * started it, calling the token API or (`apiMode: 'iam'`) the IAM API. The port is strict: a port in use is an error, not a move to the next one. Each
 * server pre-bundles the dependencies into a cache folder of its own (a fraction of a second),
 * removed on close, so servers running at once (tests) never swap files under each other.
 *
 * @example
 * const web = await startWebDevServer({ host: '127.0.0.1', port: 5173, apiUrl, issuer,
 *   clientId: 'petstore-web', audience: 'https://api.petstore.local' });
 * // open web.url; later
 * await web.close();
 * // or signing requests for the IAM API:
 * await startWebDevServer({ ...options, apiMode: 'iam', iam: { apiUrl: iamApiUrl, region: 'us-east-1',
 *   stsUrl, adminRoleArn, buyerRoleArn } });
 */
export async function startWebDevServer(options: WebDevServerOptions): Promise<WebDevServer> {
  const watch = options.watch ?? true;
  const apiMode = options.apiMode ?? 'token';
  if (apiMode === 'iam' && !options.iam) {
    throw new TypeError("startWebDevServer: apiMode 'iam' needs the iam options");
  }
  const env = {
    VITE_API_MODE: apiMode,
    VITE_OIDC_ISSUER: options.issuer,
    VITE_OIDC_CLIENT_ID: options.clientId,
    VITE_API_AUDIENCE: options.audience,
    VITE_API_URL: options.apiUrl,
    ...(options.iam ? iamVariables(options.iam) : {}),
  };
  const cacheDir = mkdtempSync(join(tmpdir(), 'petstore-web-vite-'));
  const removeCache = () => rmSync(cacheDir, { recursive: true, force: true });
  const sigtermBefore = new Set(process.listeners('SIGTERM'));
  const stdinEndBefore = new Set(process.stdin.listeners('end'));
  const server = await createServer({
    root: appRoot,
    cacheDir,
    configFile: `${appRoot}vite.config.ts`,
    envDir: false,
    define: Object.fromEntries(
      Object.entries(env).map(([name, value]) => [
        `import.meta.env.${name}`,
        JSON.stringify(value),
      ]),
    ),
    clearScreen: false,
    logLevel: 'warn',
    server: {
      host: options.host,
      port: options.port,
      strictPort: true,
      ...(watch ? {} : { hmr: false, watch: null }),
    },
  });
  try {
    await server.listen();
  } catch (error) {
    await server.close();
    removeCache();
    throw error;
  }
  // Vite's dev server exits the whole process on SIGTERM (or stdin's end) once it alone has
  // closed: whoever started this server decides how the process stops, so those go.
  for (const listener of process.listeners('SIGTERM')) {
    if (!sigtermBefore.has(listener)) process.off('SIGTERM', listener);
  }
  for (const listener of process.stdin.listeners('end')) {
    if (!stdinEndBefore.has(listener)) process.stdin.off('end', listener as () => void);
  }
  const address = server.httpServer?.address() as AddressInfo | null | undefined;
  return {
    url: `http://${options.host}:${address?.port ?? options.port}`,
    close: () => server.close().finally(removeCache),
  };
}

function iamVariables(iam: WebDevServerIamOptions): Record<string, string> {
  return {
    VITE_IAM_API_URL: iam.apiUrl,
    VITE_AWS_REGION: iam.region,
    VITE_STS_URL: iam.stsUrl,
    VITE_ADMIN_ROLE_ARN: iam.adminRoleArn,
    VITE_BUYER_ROLE_ARN: iam.buyerRoleArn,
  };
}
