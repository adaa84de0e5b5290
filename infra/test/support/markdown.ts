import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** A file of the repository, by its path from the root. */
export function repoFile(path: string): string {
  return readFileSync(`${repoRoot}${path}`, 'utf8');
}

/**
 * The text of one section of a markdown document: from its heading (`## Deploy to AWS`) to the
 * next heading of the same or a higher level.
 *
 * @example
 * section(readme, '## Deploy to AWS')
 */
export function section(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`No section "${heading}"`);
  const level = heading.indexOf(' ');
  const end = lines.findIndex(
    (line, index) => index > start && /^#+ /.test(line) && line.indexOf(' ') <= level,
  );
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

/**
 * The rows of the markdown table whose header row starts with `firstHeader`: each row's cells,
 * trimmed (the header and the separator row left out).
 *
 * @example
 * tableRows(deployGuide, 'parameter') // [['`TokenIssuer`', '`https://...`', '...'], ...]
 */
export function tableRows(markdown: string, firstHeader: string): string[][] {
  const lines = markdown.split('\n');
  const header = lines.findIndex((line) => new RegExp(`^\\| *${firstHeader} *\\|`).test(line));
  if (header < 0) throw new Error(`No table headed "${firstHeader}"`);
  const rows: string[][] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

/**
 * The shell commands of a document's `sh` blocks, one per command: continuation lines joined,
 * comments left in (see {@link shellWords}).
 *
 * @example
 * shellCommands(readme).filter((command) => command.includes('sam deploy'))
 */
export function shellCommands(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '');
  return blocks.flatMap((block) =>
    block
      .replace(/\s*\\\n\s*/g, ' ')
      .split('\n')
      .filter((line) => line.trim() !== ''),
  );
}

/**
 * The words of one shell command as a POSIX shell splits them: quotes removed (single quotes
 * keep everything, double quotes and a backslash keep the next character), a `#` starting a word
 * ends the command.
 *
 * @example
 * shellWords(`sam deploy 'AllowedOrigin=""' Stage=prod   # a comment`)
 * // ['sam', 'deploy', 'AllowedOrigin=""', 'Stage=prod']
 */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: "'" | '"' | undefined;
  for (let index = 0; index < command.length; index += 1) {
    const char = command[index] ?? '';
    if (quote) {
      if (char === quote) quote = undefined;
      else if (quote === '"' && char === '\\') word += command[++index] ?? '';
      else word += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      word ??= '';
    } else if (char === '\\') {
      word = (word ?? '') + (command[++index] ?? '');
    } else if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (char === '#' && word === undefined) {
      break;
    } else {
      word = (word ?? '') + char;
    }
  }
  if (quote) throw new Error(`Unterminated ${quote} in: ${command}`);
  if (word !== undefined) words.push(word);
  return words;
}
