/**
 * The ports of the stack the suite starts (`pnpm start --memory --no-watch`), away from a
 * developer's running stack (3000, 3001, 9000, 9001, 5173, 8000). Each can be moved with
 * E2E_<NAME>_PORT.
 */
function port(name: string, fallback: number): number {
  const value = process.env[`E2E_${name}_PORT`];
  return value ? Number(value) : fallback;
}

export const stackPorts = {
  api: port('API', 3100),
  iamApi: port('IAM_API', 3101),
  idp: port('DEV_IDP', 9100),
  sts: port('STS', 9101),
  web: port('WEB', 5273),
  dynamodb: port('DYNAMODB', 8100),
} as const;

export const stack = {
  webUrl: `http://127.0.0.1:${stackPorts.web}`,
  apiUrl: `http://127.0.0.1:${stackPorts.api}`,
  iamApiUrl: `http://127.0.0.1:${stackPorts.iamApi}`,
  stsUrl: `http://127.0.0.1:${stackPorts.sts}`,
  issuer: `http://127.0.0.1:${stackPorts.idp}`,
} as const;

/** The environment `pnpm start` reads its ports from (the SPA in token mode). */
export const stackEnvironment = {
  API_PORT: String(stackPorts.api),
  IAM_API_PORT: String(stackPorts.iamApi),
  DEV_IDP_PORT: String(stackPorts.idp),
  STS_PORT: String(stackPorts.sts),
  WEB_PORT: String(stackPorts.web),
  DYNAMODB_PORT: String(stackPorts.dynamodb),
} as const;

/** The same stack with the SPA in IAM mode: SigV4-signed calls to the IAM API, credentials from the STS. */
export const iamStackEnvironment = { ...stackEnvironment, WEB_API_MODE: 'iam' } as const;
