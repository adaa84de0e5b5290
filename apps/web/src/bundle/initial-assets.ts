/** The budget of the initial JavaScript, gzip (level 9), in bytes: the build fails above it. */
export const initialJsBudgetBytes = 100_000;

/** The files a browser loads before the app can render, as `dist/index.html` names them. */
export interface InitialAssets {
  /** The entry module and the modules it preloads. */
  readonly scripts: readonly string[];
  readonly styles: readonly string[];
}

/**
 * The entry script, its `modulepreload` links and the stylesheets of a built `index.html`; what is
 * loaded later with `import()` is not initial.
 *
 * @example
 * initialAssets('<script type="module" src="/assets/index-1.js"></script>')
 * // { scripts: ['assets/index-1.js'], styles: [] }
 */
export function initialAssets(indexHtml: string): InitialAssets {
  const attribute = (tag: string, name: string) =>
    new RegExp(`\\s${name}="([^"]+)"`).exec(tag)?.[1];
  const tags = indexHtml.match(/<(script|link)\b[^>]*>/g) ?? [];
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const tag of tags) {
    const rel = attribute(tag, 'rel');
    const src = tag.startsWith('<script') ? attribute(tag, 'src') : attribute(tag, 'href');
    if (!src || /^[a-z]+:/i.test(src)) continue;
    const path = src.replace(/^\//, '');
    if (tag.startsWith('<script') && attribute(tag, 'type') === 'module') scripts.push(path);
    else if (rel === 'modulepreload') scripts.push(path);
    else if (rel === 'stylesheet') styles.push(path);
  }
  return { scripts, styles };
}
