/** A line of a task's output, as `turbo run` prefixes it: `@petstore/api:build: text`. */
const taskLine = /^(@[\w.-]+\/[\w.-]+):build: ?(.*)$/;
/**
 * What Turborepo, pnpm and Node print around a failed script: the cache, the script's header, its
 * exit, the Node.js version.
 */
const scriptNoise = /^(cache (miss|hit|bypass)|> |\s*ELIFECYCLE\b|Node\.js v\d)/;

/**
 * What a failed `turbo run build` of the functions has to say: each failed package's own output
 * (the compiler's errors, with file, line and code frame), without Turborepo's summary and pnpm's
 * lines around a script; Turborepo's whole output when it holds no task line (it failed itself).
 *
 * @example
 * buildFailureText(output) // '@petstore/api:\n  ✘ [ERROR] Unexpected ";"\n  ...\n  Bundling failed: 1 error (above).'
 */
export function buildFailureText(output: string): string {
  const failed = /^\s*Failed:\s+(.+)$/m.exec(output)?.[1]?.split(/,\s*/) ?? [];
  const byPackage = new Map<string, string[]>();
  for (const line of output.split('\n')) {
    const match = taskLine.exec(line);
    if (!match) continue;
    const [, name = '', text = ''] = match;
    if (failed.length > 0 && !failed.includes(`${name}#build`)) continue;
    if (scriptNoise.test(text)) continue;
    byPackage.set(name, [...(byPackage.get(name) ?? []), text]);
  }
  if (byPackage.size === 0) return output.trim();
  return [...byPackage]
    .map(([name, lines]) => {
      // One blank line at most between the compiler's messages.
      const text = lines
        .join('\n')
        .replace(/\n\s*\n(\s*\n)+/g, '\n\n')
        .trim()
        .split('\n');
      return [`${name}:`, ...text.map((line) => (line.trim() ? `  ${line}` : ''))].join('\n');
    })
    .join('\n');
}
