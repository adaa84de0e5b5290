import { localPorts, type PortName, portNames } from './local-ports';
import { defaultDataDir } from './repo-paths';

/** A value as one shell word: as it is when it is plain, else in single quotes. */
function shellWord(value: string): string {
  return /^[\w./:@%+=,-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * The `export` line that points a second terminal at a stack on these ports and data folder:
 * every variable whose value is not its default (the README's curl lines read the port
 * variables; the commands find the stack from its record in DATA_DIR). `undefined` when every
 * value is the default (nothing to export).
 *
 * @example
 * exportLine({ ...defaultPorts, api: 3100 }, defaultDataDir) // 'export API_PORT=3100'
 */
export function exportLine(
  ports: Readonly<Record<PortName, number>>,
  dataDir: string,
): string | undefined {
  const variables = [
    ...(dataDir === defaultDataDir ? [] : [`DATA_DIR=${shellWord(dataDir)}`]),
    ...portNames
      .filter((name) => ports[name] !== localPorts[name].default)
      .map((name) => `${localPorts[name].variable}=${ports[name]}`),
  ];
  return variables.length > 0 ? `export ${variables.join(' ')}` : undefined;
}
