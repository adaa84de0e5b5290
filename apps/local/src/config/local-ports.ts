import table from './local-ports.json' with { type: 'json' };

/**
 * The local stack's ports: for each, the environment variable that moves it, its default (the
 * README's ports) and what listens there. The table is a JSON file so that the end-to-end suite
 * (apps/web, which cannot depend on this package) reads the same table at run time and sets every
 * port the stack reads.
 */
export const localPorts: Readonly<
  Record<PortName, { readonly variable: string; readonly default: number; readonly serves: string }>
> = table;

/** The name of one of the stack's ports (`api`, `iamApi`, `idp`, `sts`, `web`, `dynamodb`). */
export type PortName = keyof typeof table;

/** The stack's port names, in the table's order. */
export const portNames = Object.keys(table) as PortName[];

/**
 * The variable that sets each port, for error messages and for starting a stack on other ports.
 *
 * @example
 * portVariables.iamApi // 'IAM_API_PORT'
 */
export const portVariables = Object.fromEntries(
  portNames.map((name) => [name, localPorts[name].variable]),
) as Readonly<Record<PortName, string>>;
