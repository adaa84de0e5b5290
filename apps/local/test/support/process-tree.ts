import { readdirSync, readFileSync } from 'node:fs';

interface ProcessInfo {
  readonly pid: number;
  readonly ppid: number;
  readonly state: string;
  readonly command: string;
}

/** Every process on this machine, from /proc (Linux). */
function processes(): ProcessInfo[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        // pid (comm) state ppid ...: comm may hold spaces and parentheses, so read after the last ')'.
        const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const command = readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
        return [{ pid: Number(name), ppid: Number(ppid), state: state ?? '?', command }];
      } catch {
        return []; // exited while we looked
      }
    });
}

/**
 * A process and all its descendants now, with their command lines.
 *
 * @example
 * const tree = processTree(stack.child.pid);
 */
export function processTree(root: number): { pid: number; command: string }[] {
  const all = processes();
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const info of all) {
      if (!tree.has(info.pid) && tree.has(info.ppid)) {
        tree.add(info.pid);
        grew = true;
      }
    }
  }
  return all
    .filter((info) => tree.has(info.pid) && info.state !== 'Z')
    .map(({ pid, command }) => ({ pid, command }));
}

/**
 * Which of these PIDs still run (zombies, exited but not yet reaped, count as gone).
 *
 * @example
 * expect(stillRunning([1234, 5678])).toEqual([]);
 */
export function stillRunning(pids: readonly number[]): number[] {
  const running = new Map(processes().map((info) => [info.pid, info.state]));
  return pids.filter((pid) => running.has(pid) && running.get(pid) !== 'Z');
}
