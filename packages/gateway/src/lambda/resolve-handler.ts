import { statSync } from 'node:fs';
import { join } from 'node:path';

/** The handler's file and export path, found like the Lambda Node.js runtime finds them. */
export interface ResolvedHandler {
  readonly file: string | undefined;
  readonly exportPath: readonly string[];
}

/**
 * Finds the file of a `Handler` (`dir/module.export.path`) in `codeDir`: the module name as
 * is, then with `.js`, `.mjs`, `.cjs`, in the Lambda runtime's order.
 *
 * @example
 * resolveHandler('/code/list-pets', 'index.handler') // { file: '/code/list-pets/index.mjs', exportPath: ['handler'] }
 */
export function resolveHandler(codeDir: string, handler: string): ResolvedHandler {
  const slash = handler.lastIndexOf('/');
  const moduleRoot = handler.slice(0, Math.max(slash, 0));
  const rest = handler.slice(slash + 1);
  const dot = rest.indexOf('.');
  const moduleName = dot < 0 ? rest : rest.slice(0, dot);
  const exportPath = dot < 0 ? [] : rest.slice(dot + 1).split('.');
  const base = join(codeDir, moduleRoot, moduleName);
  const file = ['', '.js', '.mjs', '.cjs'].map((extension) => base + extension).find(isFile);
  return { file, exportPath };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
