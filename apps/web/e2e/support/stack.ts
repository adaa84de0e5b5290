/**
 * The ports of the stack the suite starts (`pnpm start --memory --no-watch`), away from a
 * developer's running stack (3000, 9000, 5173, 8000). Each can be moved with E2E_<NAME>_PORT.
 */
function port(name: string, fallback: number): number {
  const value = process.env[`E2E_${name}_PORT`];
  return value ? Number(value) : fallback;
}

export const stackPorts = {
  api: port('API', 3100),
  idp: port('DEV_IDP', 9100),
  web: port('WEB', 5273),
  dynamodb: port('DYNAMODB', 8100),
} as const;

export const stack = {
  webUrl: `http://127.0.0.1:${stackPorts.web}`,
  apiUrl: `http://127.0.0.1:${stackPorts.api}`,
  issuer: `http://127.0.0.1:${stackPorts.idp}`,
} as const;

/** The environment `pnpm start` reads its ports from. */
export const stackEnvironment = {
  API_PORT: String(stackPorts.api),
  DEV_IDP_PORT: String(stackPorts.idp),
  WEB_PORT: String(stackPorts.web),
  DYNAMODB_PORT: String(stackPorts.dynamodb),
} as const;
