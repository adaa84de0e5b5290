import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../src/config/repo-paths';
import { inSecondTerminal } from './second-terminal';

/**
 * The first `sh` block of a README's section `## heading` (the root README's unless `file`
 * names another, from the repository root), and its commands: each line with the indented lines
 * that continue it (after a trailing backslash), blank lines left out.
 *
 * @example
 * readmeBlock('Try it with curl').commands[0] // 'ADMIN=$(pnpm -s access-token admin)   # ...'
 */
export function readmeBlock(
  heading: string,
  file = 'README.md',
): { block: string; commands: string[] } {
  const readme = readFileSync(join(repoRoot, file), 'utf8');
  const section = readme.split(`\n## ${heading}\n`)[1] ?? '';
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  const commands: string[] = [];
  for (const line of block.split('\n')) {
    if (line.trim() === '') continue;
    if (/^\s/.test(line) && commands.length > 0) commands[commands.length - 1] += `\n${line}`;
    else commands.push(line);
  }
  return { block, commands };
}

/**
 * Runs commands as written in one second-terminal shell (after `prelude`, e.g. the banner's
 * export line), each one's output told apart: a marker line is echoed before each.
 *
 * @example
 * const { code, outputs } = await runAsWritten(readmeBlock('Try it with curl').commands, env);
 */
export async function runAsWritten(
  commands: readonly string[],
  env: NodeJS.ProcessEnv,
  prelude = '',
): Promise<{ code: number; outputs: string[]; stderr: string }> {
  const marked = commands.map((command, index) => `echo "@@${index}"\n${command}`).join('\n');
  const { code, stdout, stderr } = await inSecondTerminal(`${prelude}\n${marked}`, env);
  // curl's JSON bodies end without a newline, so a marker may follow on the same line.
  return { code, outputs: stdout.split(/\n?@@\d+\n/).slice(1), stderr };
}
