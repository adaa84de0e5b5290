// The working directory of an execution environment is the function's code folder (`/var/task`
// on AWS, AWS-BEHAVIOR.md F2). A worker thread shares its process's working directory and cannot
// `process.chdir()`, so the environment answers `process.cwd()` with the code folder and resolves
// the relative paths given to `node:fs` against it, as the operating system would there.

import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { isAbsolute, resolve } from 'node:path';

/** `fs` functions whose first argument is a path. */
const onePath = [
  'access',
  'appendFile',
  'chmod',
  'chown',
  'createReadStream',
  'createWriteStream',
  'exists',
  'lchown',
  'lstat',
  'lutimes',
  'mkdir',
  'mkdtemp',
  'open',
  'opendir',
  'readFile',
  'readdir',
  'readlink',
  'realpath',
  'rm',
  'rmdir',
  'stat',
  'statfs',
  'truncate',
  'unlink',
  'utimes',
  'watch',
  'watchFile',
  'unwatchFile',
  'writeFile',
];
/** `fs` functions whose first two arguments are paths. */
const twoPaths = ['copyFile', 'cp', 'link', 'rename'];

/**
 * Makes `taskRoot` this thread's working directory for `process.cwd()` and `node:fs`.
 *
 * @example
 * useTaskRoot('/code/list-pets'); // fs.readFileSync('data.json') reads /code/list-pets/data.json
 */
export function useTaskRoot(taskRoot) {
  process.cwd = () => taskRoot;
  process.chdir = () => {
    throw Object.assign(
      new Error('process.chdir() is not supported in this execution environment'),
      {
        code: 'ERR_WORKER_UNSUPPORTED_OPERATION',
      },
    );
  };
  const rooted = (path) =>
    typeof path === 'string' && path !== '' && !isAbsolute(path) ? resolve(taskRoot, path) : path;
  const wrap = (target, name, paths) => {
    const original = target[name];
    if (typeof original !== 'function') return;
    const wrapped = function (...args) {
      for (let index = 0; index < paths; index += 1) args[index] = rooted(args[index]);
      return original.apply(this, args);
    };
    for (const key of [...Object.keys(original), ...Object.getOwnPropertySymbols(original)]) {
      wrapped[key] = original[key];
    }
    target[name] = wrapped;
  };
  for (const [names, paths] of [
    [onePath, 1],
    [twoPaths, 2],
  ]) {
    for (const name of names) {
      wrap(fs, name, paths);
      wrap(fs, `${name}Sync`, paths);
      wrap(fs.promises, name, paths);
    }
  }
  // `symlink(target, path)`: the target stays relative to the link; only the link is placed.
  for (const target of [fs, fs.promises]) {
    for (const name of target === fs ? ['symlink', 'symlinkSync'] : ['symlink']) {
      const original = target[name];
      target[name] = function (linkTarget, path, ...rest) {
        return original.call(this, linkTarget, rooted(path), ...rest);
      };
    }
  }
  syncBuiltinESMExports();
}
