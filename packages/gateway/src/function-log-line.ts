import { type Colour, paint } from './log-colour';

/** One log message of a function, with the invocation it belongs to. */
export interface FunctionLogLine {
  /** The function's logical id. */
  readonly functionId: string;
  /**
   * The invocation's `awsRequestId` (as Lambda puts it on each log line); `undefined` for what
   * the function wrote while its environment started (module code, outside any invocation).
   */
  readonly requestId: string | undefined;
  readonly stream: 'stdout' | 'stderr';
  /** From the console method, as Lambda's runtime tags it (`console.warn`: `WARN`); raw writes have none. */
  readonly level?: string | undefined;
  /** What it wrote, without the line break (a console call may hold several lines). */
  readonly text: string;
}

/** Keys of Powertools' JSON lines that the prefix already says, or that say nothing locally. */
const saidByThePrefix = new Set([
  'level',
  'message',
  'timestamp',
  'service',
  'sampling_rate',
  'function_arn',
  'function_memory_size',
  'function_name',
  'function_request_id',
  'xray_trace_id',
]);

const levelColours: ReadonlyMap<string, Colour> = new Map([
  ['ERROR', 'red'],
  ['CRITICAL', 'red'],
  ['FATAL', 'red'],
  ['WARN', 'yellow'],
  ['WARNING', 'yellow'],
  ['DEBUG', 'dim'],
  ['TRACE', 'dim'],
]);

/** A structured log line (Powertools Logger's, or any JSON object with a message). */
interface StructuredLine {
  readonly level?: unknown;
  readonly message?: unknown;
  readonly [key: string]: unknown;
}

function structured(text: string): StructuredLine | undefined {
  if (!text.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as StructuredLine)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Control characters (but tab) escaped, so that a function cannot move the terminal's cursor. */
function printable(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    out +=
      (code < 0x20 && char !== '\t') || code === 0x7f
        ? `\\u${code.toString(16).padStart(4, '0')}`
        : char;
  }
  return out;
}

function valueText(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  return typeof value === 'object' || value === undefined ? JSON.stringify(value) : String(value);
}

/** `LEVEL message key=value ...` of a structured line, without what the prefix says. */
function readable(line: StructuredLine): string {
  const fields = Object.entries(line)
    .filter(([key, value]) => !saidByThePrefix.has(key) && !(key === 'cold_start' && !value))
    .map(([key, value]) => `${key}=${valueText(value)}`);
  const message = typeof line.message === 'string' ? line.message : valueText(line.message);
  return [message, ...fields].join(' ');
}

/**
 * A function's log message as the console logger prints it: in `text`, one line per line of it,
 * each after the function's name and the invocation's request id (its first 8 characters;
 * `init` outside an invocation), a JSON line (Powertools') as `LEVEL message key=value`; in
 * `json`, one JSON object holding the message (parsed when it is JSON).
 *
 * @example
 * formatFunctionLine({ functionId: 'ListPets', requestId: '0d6a3c1e-...', stream: 'stdout',
 *   text: '{"level":"INFO","message":"handled","status":200}' }, { format: 'text', colour: false })
 * // ['ListPets 0d6a3c1e INFO handled status=200']
 */
export function formatFunctionLine(
  line: FunctionLogLine,
  options: { readonly format: 'text' | 'json'; readonly colour: boolean },
): string[] {
  const parsed = structured(line.text);
  if (options.format === 'json') {
    return [
      JSON.stringify({
        type: 'function',
        function: line.functionId,
        requestId: line.requestId ?? null,
        stream: line.stream,
        ...(line.level ? { level: line.level } : {}),
        log: parsed ?? line.text,
      }),
    ];
  }
  const { colour } = options;
  const id = line.requestId ? line.requestId.slice(0, 8) : 'init';
  const prefix = `${paint(line.functionId, 'cyan', colour)} ${paint(id, 'dim', colour)}`;
  const level = typeof parsed?.level === 'string' ? parsed.level.toUpperCase() : line.level;
  const levelText = level ? `${paint(level, levelColours.get(level) ?? 'green', colour)} ` : '';
  const body = parsed ? readable(parsed) : line.text;
  return body.split('\n').map((text) => `${prefix} ${levelText}${printable(text)}`);
}
