/**
 * An option's value as a TCP port (0 to 65535), or `undefined` when it is not one (the caller
 * names the option in its mistake).
 *
 * @example
 * portValue('3000') // 3000
 * portValue('30x') // undefined
 */
export function portValue(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port <= 65_535 ? port : undefined;
}

/**
 * `Name=Value` options (`--parameter Stage=dev`, repeatable) as pairs, in order; the first one
 * that is not of that shape is returned as `invalid` (the caller names it in its mistake).
 *
 * @example
 * namedValues(['Stage=dev', 'Bad']) // { pairs: [['Stage', 'dev']], invalid: 'Bad' }
 */
export function namedValues(list: readonly string[]): {
  readonly pairs: readonly (readonly [string, string])[];
  readonly invalid: string | undefined;
} {
  const pairs: [string, string][] = [];
  for (const item of list) {
    const at = item.indexOf('=');
    if (at <= 0) return { pairs, invalid: item };
    pairs.push([item.slice(0, at), item.slice(at + 1)]);
  }
  return { pairs, invalid: undefined };
}

/** A CloudFormation parameter name: letters and digits. */
const parameterName = /^[A-Za-z0-9]+$/;

/** One word of a `--parameter-overrides` text: its value after quotes and escapes, and as written. */
interface Word {
  readonly text: string;
  readonly raw: string;
  /** An opening quote without its closing one. */
  readonly open: boolean;
}

/**
 * Splits at unquoted spaces; `"..."` and `'...'` hold spaces, `\ `, `\"` and `\'` are the
 * character itself (any other backslash stays, as in a Windows path).
 */
function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  let index = 0;
  while (index < text.length) {
    while (text[index] === ' ') index += 1;
    if (index >= text.length) break;
    const start = index;
    let word = '';
    let quote: string | undefined;
    for (; index < text.length; index += 1) {
      const char = text[index] as string;
      const next = text[index + 1];
      if (char === '\\' && (next === ' ' || next === '"' || next === "'")) {
        word += next;
        index += 1;
      } else if (quote !== undefined) {
        if (char === quote) quote = undefined;
        else word += char;
      } else if (char === '"' || char === "'") quote = char;
      else if (char === ' ') break;
      else word += char;
    }
    words.push({ text: word, raw: text.slice(start, index), open: quote !== undefined });
  }
  return words;
}

/**
 * The template parameters of SAM CLI's `--parameter-overrides` (repeatable; later ones win), as
 * pairs in order: space-separated `Key=Value`, or CloudFormation's
 * `ParameterKey=Key,ParameterValue=Value`; a value with spaces is quoted (`Key="a b"`) or
 * escaped (`Key=a\ b`). The first word that is neither form, or whose name is not letters and
 * digits, is returned as `invalid` (the caller names it in its mistake).
 *
 * @example
 * parameterOverrides(['Stage=dev ParameterKey=Title,ParameterValue="Pet Store"'])
 * // { pairs: [['Stage', 'dev'], ['Title', 'Pet Store']], invalid: undefined }
 * parameterOverrides(['Stage']).invalid // 'Stage'
 */
export function parameterOverrides(list: readonly string[]): {
  readonly pairs: readonly (readonly [string, string])[];
  readonly invalid: string | undefined;
} {
  const pairs: [string, string][] = [];
  for (const item of list) {
    for (const word of wordsOf(item)) {
      const long = /^ParameterKey=([^,]*),ParameterValue=(.*)$/s.exec(word.text);
      const at = word.text.indexOf('=');
      const [name, value] = long
        ? [long[1] ?? '', long[2] ?? '']
        : [word.text.slice(0, at), word.text.slice(at + 1)];
      if (word.open || (!long && at <= 0) || !parameterName.test(name)) {
        return { pairs, invalid: word.raw };
      }
      pairs.push([name, value]);
    }
  }
  return { pairs, invalid: undefined };
}
