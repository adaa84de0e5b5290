import { createServer } from 'node:net';
import { type LocalConfig, LocalConfigError, portVariables } from './local-config';

/**
 * Fails before anything starts if a port is taken, naming the port and its variable
 * (a half-started stack is harder to read than one clear error).
 *
 * @example
 * await assertPortsFree('127.0.0.1', config.ports);
 */
export async function assertPortsFree(host: string, ports: LocalConfig['ports']): Promise<void> {
  for (const [name, port] of Object.entries(ports) as [keyof typeof ports, number][]) {
    if (port !== 0 && !(await portIsFree(host, port))) {
      throw new LocalConfigError(
        `Port ${port} is in use (${portVariables[name]}). Stop what uses it, or set ${portVariables[name]} to another port.`,
      );
    }
  }
}

/** Whether a server could listen on `host:port` right now. */
export function portIsFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}
