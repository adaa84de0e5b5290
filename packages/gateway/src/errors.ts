/** The template cannot be served: each problem names the resource and property at fault. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  readonly code = 'TEMPLATE_INVALID';
  constructor(
    readonly templatePath: string,
    readonly problems: readonly string[],
  ) {
    super(
      `${templatePath} cannot be served:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
  }
}

/** An intrinsic function (`!ImportValue`, `!GetAZs`, ...) that has no local value. */
export class UnresolvableIntrinsicError extends Error {
  override readonly name = 'UnresolvableIntrinsicError';
  readonly code = 'INTRINSIC_UNRESOLVABLE';
}

/** The gateway could not listen on the requested host and port. */
export class GatewayListenError extends Error {
  override readonly name = 'GatewayListenError';
  readonly code = 'GATEWAY_LISTEN_FAILED';
  constructor(host: string, port: number, cause: unknown) {
    const inUse = (cause as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';
    super(
      inUse
        ? `Port ${port} on ${host} is already in use: stop the other process or choose another port.`
        : `The gateway could not listen on ${host}:${port}.`,
      { cause },
    );
  }
}

/** `startGateway` was given options that do not fit the template (e.g. a port for an API it has not). */
export class GatewayOptionsError extends Error {
  override readonly name = 'GatewayOptionsError';
  readonly code = 'GATEWAY_OPTIONS_INVALID';
}

/**
 * The client closed its connection before its request's body had arrived: there is nobody to
 * answer (the gateway and the local STS log one line for it).
 */
export class ClientGoneError extends Error {
  override readonly name = 'ClientGoneError';
  readonly code = 'CLIENT_GONE';
  /** @param bytesRead how much of the body had arrived; `undefined`: none was read yet. */
  constructor(bytesRead: number | undefined, options?: ErrorOptions) {
    super(
      bytesRead === undefined
        ? 'the client closed the connection before its body was read'
        : `the client closed the connection after ${bytesRead} bytes of its body`,
      options,
    );
  }
}
