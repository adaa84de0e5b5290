import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const names = ['chromium', 'chromium-browser', 'google-chrome'];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Chromium the suite drives: `CHROMIUM_PATH`, else `chromium` (Debian's package) or another
 * Chromium on the PATH. Playwright's own browser downloads are not used. Throws a message saying
 * how to install one when none is found.
 *
 * @example
 * chromiumPath() // '/usr/bin/chromium'
 */
export function chromiumPath(env: Record<string, string | undefined> = process.env): string {
  const chosen = env.CHROMIUM_PATH;
  if (chosen) {
    if (isExecutable(chosen)) return chosen;
    throw new Error(`CHROMIUM_PATH is ${chosen}, which is not an executable file.`);
  }
  for (const folder of (env.PATH ?? '').split(delimiter)) {
    for (const name of names) {
      const candidate = join(folder, name);
      if (folder && isExecutable(candidate)) return candidate;
    }
  }
  throw new Error(
    "No Chromium found for the end-to-end suite. Install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome executable.",
  );
}

/** Chromium flags: no sandbox (CI runs as root), and none of its background network traffic. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
