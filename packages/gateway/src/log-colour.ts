const codes = {
  red: [31, 39],
  yellow: [33, 39],
  green: [32, 39],
  cyan: [36, 39],
  dim: [2, 22],
} as const;

/** A colour of {@link paint}. */
export type Colour = keyof typeof codes;

/**
 * `text` in an ANSI colour when `on`, else as it is (piped output, `NO_COLOR`).
 *
 * @example
 * paint('401', 'yellow', process.stdout.isTTY === true) // '\u001b[33m401\u001b[39m' on a terminal
 */
export function paint(text: string, colour: Colour, on: boolean): string {
  if (!on) return text;
  const [open, close] = codes[colour];
  return `\u001b[${open}m${text}\u001b[${close}m`;
}
