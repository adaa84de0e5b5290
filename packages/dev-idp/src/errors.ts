/** Base class of the errors this package raises on purpose; `code` is stable, `message` is for people. */
export abstract class DevIdpError extends Error {
  abstract readonly code: string;
}

/** A setting (option or environment variable) is missing or malformed. */
export class DevIdpConfigError extends DevIdpError {
  override readonly name = 'DevIdpConfigError';
  readonly code = 'DEV_IDP_CONFIG';
}

/** The port asked for is taken by another process. */
export class PortInUseError extends DevIdpError {
  override readonly name = 'PortInUseError';
  readonly code = 'DEV_IDP_PORT_IN_USE';
  constructor(
    readonly host: string,
    readonly port: number,
  ) {
    super(
      `Port ${port} on ${host} is already in use: stop the other process or set DEV_IDP_PORT to a free port.`,
    );
  }
}

/** The signing key file is unreadable or not a private JWK set this package wrote. */
export class KeyFileError extends DevIdpError {
  override readonly name = 'KeyFileError';
  readonly code = 'DEV_IDP_KEY_FILE';
}

/** The seed users file is unreadable or invalid. */
export class SeedUsersError extends DevIdpError {
  override readonly name = 'SeedUsersError';
  readonly code = 'DEV_IDP_SEED_USERS';
}

/** Obtaining a token through an OIDC flow failed (login refused, unexpected page, token error). */
export class TokenFlowError extends DevIdpError {
  override readonly name = 'TokenFlowError';
  readonly code = 'DEV_IDP_TOKEN_FLOW';
}
