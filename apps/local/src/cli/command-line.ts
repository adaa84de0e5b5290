import { type ParseArgsConfig, parseArgs } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What a command accepts, and the usage printed for `--help` and with every mistake. */
export interface CommandSpec<O extends Options> {
  /** The usage line, e.g. `pnpm token admin|buyer|m2m`. */
  readonly usage: string;
  /** Lines printed under the usage line by `--help` (options, environment). */
  readonly details?: string;
  readonly options: O;
  /**
   * The positional arguments, in order; each is required. A list of choices restricts it.
   * Without it the command takes none.
   */
  readonly positionals?: readonly { readonly name: string; readonly choices?: readonly string[] }[];
}

/** What the command line said: `--help`, a mistake (the message), or the parsed arguments. */
export type CommandLine<O extends Options> =
  | { readonly kind: 'help'; readonly text: string }
  | { readonly kind: 'mistake'; readonly text: string }
  | {
      readonly kind: 'parsed';
      readonly values: ReturnType<typeof parseArgs<{ options: O; strict: true }>>['values'];
      readonly positionals: readonly string[];
    };

const help = { help: { type: 'boolean', short: 'h' } } as const;

/** `Usage: ...` with the details, as `--help` prints it. */
function helpText(spec: CommandSpec<Options>): string {
  return [`Usage: ${spec.usage}`, ...(spec.details ? ['', spec.details] : [])].join('\n');
}

/**
 * Parses a command line with `node:util`'s `parseArgs`, strictly: an unknown option, an option
 * without its value, a missing, extra or unexpected positional argument is a mistake, whose text
 * names it and ends with the usage line. `--help` (`-h`) asks for the usage.
 *
 * @example
 * parseCommandLine({ usage: 'pnpm start [--memory]', options: { memory: { type: 'boolean' } } }, ['--memry'])
 * // { kind: 'mistake', text: "Unknown option '--memry'\nUsage: pnpm start [--memory]" }
 */
export function parseCommandLine<O extends Options>(
  spec: CommandSpec<O>,
  args: readonly string[],
): CommandLine<O> {
  const mistake = (message: string) =>
    ({ kind: 'mistake', text: `${message}\nUsage: ${spec.usage}` }) as const;
  const expected = spec.positionals ?? [];
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...args],
      options: { ...spec.options, ...help },
      strict: true,
      allowPositionals: expected.length > 0,
    });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) {
      // Node's first sentence names the option; the rest is advice about `--`.
      return mistake((error as Error).message.split(/\.\s/)[0] ?? '');
    }
    throw error;
  }
  if (parsed.values.help === true) return { kind: 'help', text: helpText(spec) };
  const { positionals } = parsed;
  if (positionals.length > expected.length) {
    return mistake(`Unexpected argument '${positionals[expected.length]}'`);
  }
  for (const [index, { name, choices }] of expected.entries()) {
    const value = positionals[index];
    if (value === undefined) return mistake(`Missing <${name}>`);
    if (choices && !choices.includes(value)) {
      return mistake(`<${name}> must be one of ${choices.join(', ')}, not '${value}'`);
    }
  }
  const { help: _help, ...values } = parsed.values;
  return { kind: 'parsed', values: values as never, positionals };
}

/**
 * The parsed command line of this process, or its end: `--help` prints the usage to stdout and
 * exits 0; a mistake prints its text to stderr and exits 2.
 *
 * @example
 * const { positionals: [persona] } = readCommandLine({
 *   usage: 'pnpm token admin|buyer|m2m',
 *   options: {},
 *   positionals: [{ name: 'persona', choices: ['admin', 'buyer', 'm2m'] }],
 * });
 */
export function readCommandLine<O extends Options>(
  spec: CommandSpec<O>,
  args: readonly string[] = process.argv.slice(2),
): Extract<CommandLine<O>, { kind: 'parsed' }> {
  const line = parseCommandLine(spec, args);
  if (line.kind === 'help') {
    process.stdout.write(`${line.text}\n`);
    process.exit(0);
  }
  if (line.kind === 'mistake') {
    process.stderr.write(`${line.text}\n`);
    process.exit(2);
  }
  return line;
}
