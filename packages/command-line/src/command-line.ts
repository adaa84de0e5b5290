import { type ParseArgsConfig, parseArgs } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What a command accepts, and the usage printed for `--help` and with every mistake. */
export interface CommandSpec<O extends Options> {
  /** The usage line, e.g. `pnpm access-token admin|buyer|m2m`. */
  readonly usage: string;
  /** Lines printed under the usage line by `--help` (options, environment). */
  readonly details?: string;
  readonly options: O;
  /**
   * String options that may also be given without a value, and the value they take then, like
   * Node's own `--inspect[=port]`: `{ inspect: '9229' }` reads `--inspect` as `--inspect=9229`.
   * Their value is only ever inline (`--inspect=9230`): `--inspect 9230` is the option alone and
   * an argument.
   */
  readonly bareValues?: Readonly<Record<string, string>>;
  /**
   * The positional arguments, in order; each is required unless `optional` (then only the last
   * ones). A list of choices restricts it. Without it the command takes none.
   */
  readonly positionals?: readonly {
    readonly name: string;
    readonly choices?: readonly string[];
    readonly optional?: boolean;
  }[];
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

/** A mistake's text: what is wrong, then the usage line. */
function mistakeOf(spec: { readonly usage: string }, message: string) {
  return { kind: 'mistake', text: `${message}\nUsage: ${spec.usage}` } as const;
}

/** Node's first sentence names the option; the rest is advice about `--`. */
function firstSentence(error: unknown): string | undefined {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_')) return undefined;
  return (error as Error).message.split(/\.\s/)[0] ?? '';
}

/**
 * The arguments with each bare option of `bareValues` given its value (`--inspect` becomes
 * `--inspect=9229`), up to a `--` that ends the options.
 */
function withBareValues(
  args: readonly string[],
  bareValues: Readonly<Record<string, string>> | undefined,
): string[] {
  if (!bareValues) return [...args];
  const end = args.indexOf('--');
  return args.map((arg, index) => {
    if ((end !== -1 && index >= end) || !arg.startsWith('--')) return arg;
    const name = arg.slice(2);
    return Object.hasOwn(bareValues, name) ? `${arg}=${bareValues[name]}` : arg;
  });
}

/** `Usage: ...` with the details, as `--help` prints it. */
function helpText(spec: { readonly usage: string; readonly details?: string }): string {
  return [`Usage: ${spec.usage}`, ...(spec.details ? ['', spec.details] : [])].join('\n');
}

/**
 * Parses a command line with `node:util`'s `parseArgs`, strictly: an unknown option, an option
 * without its value, a missing, extra or unexpected positional argument is a mistake, whose text
 * names it and ends with the usage line. `--help` (`-h`) asks for the usage. An option of
 * `spec.bareValues` given alone takes its value there (`--inspect` as `--inspect=9229`).
 *
 * @example
 * parseCommandLine({ usage: 'pnpm start [--memory]', options: { memory: { type: 'boolean' } } }, ['--memry'])
 * // { kind: 'mistake', text: "Unknown option '--memry'\nUsage: pnpm start [--memory]" }
 */
export function parseCommandLine<O extends Options>(
  spec: CommandSpec<O>,
  args: readonly string[],
): CommandLine<O> {
  const mistake = (message: string) => mistakeOf(spec, message);
  const expected = spec.positionals ?? [];
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: withBareValues(args, spec.bareValues),
      options: { ...spec.options, ...help },
      strict: true,
      allowPositionals: expected.length > 0,
    });
  } catch (error) {
    const message = firstSentence(error);
    if (message === undefined) throw error;
    return mistake(message);
  }
  if (parsed.values.help === true) return { kind: 'help', text: helpText(spec) };
  const { positionals } = parsed;
  if (positionals.length > expected.length) {
    return mistake(`Unexpected argument '${positionals[expected.length]}'`);
  }
  for (const [index, { name, choices, optional }] of expected.entries()) {
    const value = positionals[index];
    if (value === undefined) {
      if (optional) break;
      return mistake(`Missing <${name}>`);
    }
    if (choices && !choices.includes(value)) {
      return mistake(`<${name}> must be one of ${choices.join(', ')}, not '${value}'`);
    }
  }
  const { help: _help, ...values } = parsed.values;
  return { kind: 'parsed', values: values as never, positionals };
}

/** A command line made of sub-commands (`dev-idp token buyer`): their names, and the usage. */
export interface CommandsSpec {
  readonly usage: string;
  readonly details?: string;
  readonly commands: readonly string[];
}

/** Which sub-command was asked for, with the arguments that follow it; or `--help`, or a mistake. */
export type SubcommandLine =
  | { readonly kind: 'help'; readonly text: string }
  | { readonly kind: 'mistake'; readonly text: string }
  | { readonly kind: 'command'; readonly name: string; readonly args: readonly string[] };

/**
 * Splits a command line at its sub-command with `parseArgs`'s tokens: the first argument names
 * one of `spec.commands` (anything else is a mistake, prototype names included); the rest is the
 * sub-command's own, parsed by it. `--help` before a sub-command asks for the usage.
 *
 * @example
 * parseSubcommand({ usage: 'dev-idp <command>', commands: ['start', 'token'] }, ['token', 'buyer'])
 * // { kind: 'command', name: 'token', args: ['buyer'] }
 */
export function parseSubcommand(spec: CommandsSpec, args: readonly string[]): SubcommandLine {
  const { tokens } = parseArgs({
    args: [...args],
    options: help,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const first = tokens.find((token) => token.kind !== 'option-terminator');
  if (first === undefined) return mistakeOf(spec, 'Missing <command>');
  if (first.kind === 'option') {
    return first.name === 'help'
      ? { kind: 'help', text: helpText(spec) }
      : mistakeOf(spec, `Unknown option '${first.rawName}'`);
  }
  if (first.kind !== 'positional') return mistakeOf(spec, 'Missing <command>');
  if (!spec.commands.includes(first.value)) {
    return mistakeOf(spec, `Unknown command '${first.value}'`);
  }
  return { kind: 'command', name: first.value, args: args.slice(first.index + 1) };
}

type Ending = { readonly kind: 'help' | 'mistake'; readonly text: string };
const isEnding = (line: { readonly kind: string }): line is Ending =>
  line.kind === 'help' || line.kind === 'mistake';

/**
 * Ends this process over its command line: `--help` prints to stdout and exits 0, a mistake
 * prints to stderr and exits 2; anything else is given back.
 *
 * @example
 * const line = settle(parseSubcommand(spec, process.argv.slice(2)));
 */
export function settle<L extends { readonly kind: string }>(line: L): Exclude<L, Ending> {
  if (isEnding(line)) {
    (line.kind === 'help' ? process.stdout : process.stderr).write(`${line.text}\n`);
    process.exit(line.kind === 'help' ? 0 : 2);
  }
  return line as Exclude<L, Ending>;
}

/**
 * Ends this process over a mistake found after parsing (a value out of range): the message and
 * the usage line to stderr, exit 2.
 *
 * @example
 * if (!Number.isInteger(port)) exitWithMistake(spec, `--port must be a port number, not '${text}'`);
 */
export function exitWithMistake(spec: { readonly usage: string }, message: string): never {
  process.stderr.write(`${mistakeOf(spec, message).text}\n`);
  process.exit(2);
}

/**
 * The parsed command line of this process, or its end: `--help` prints the usage to stdout and
 * exits 0; a mistake prints its text to stderr and exits 2.
 *
 * @example
 * const { positionals: [persona] } = readCommandLine({
 *   usage: 'pnpm access-token admin|buyer|m2m',
 *   options: {},
 *   positionals: [{ name: 'persona', choices: ['admin', 'buyer', 'm2m'] }],
 * });
 */
export function readCommandLine<O extends Options>(
  spec: CommandSpec<O>,
  args: readonly string[] = process.argv.slice(2),
): Extract<CommandLine<O>, { kind: 'parsed' }> {
  return settle(parseCommandLine(spec, args));
}
