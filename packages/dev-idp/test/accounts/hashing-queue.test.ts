import { describe, expect, it } from 'vitest';
import { HashingBusyError, HashingQueue } from '../../src/accounts/hashing-queue';

/** A task the test finishes when it chooses. */
function controlled() {
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return { task: () => done, finish };
}

describe('HashingQueue', () => {
  it('runs at most maxConcurrent tasks, starting the waiting ones in order as slots free', async () => {
    // Prepare
    const queue = new HashingQueue({ maxConcurrent: 2, maxWaiting: 8 });
    const tasks = Array.from({ length: 4 }, controlled);
    const order: number[] = [];

    // Act
    const runs = tasks.map((t, index) =>
      queue.run(async () => {
        order.push(index);
        await t.task();
      }),
    );
    await Promise.resolve();
    const runningAtFirst = queue.running;
    for (const t of tasks) t.finish();
    await Promise.all(runs);

    // Assess
    expect(runningAtFirst).toBe(2);
    expect(order).toEqual([0, 1, 2, 3]);
    expect(queue.peakRunning).toBe(2);
    expect(queue.running).toBe(0);
  });

  it('refuses a task at once when maxWaiting are waiting, and frees the slot of a failed task', async () => {
    // Prepare
    const queue = new HashingQueue({ maxConcurrent: 1, maxWaiting: 1 });
    const first = controlled();
    const running = queue.run(first.task);
    const waiting = queue.run(async () => 'second');

    // Act
    const refused = await queue.run(async () => 'third').catch((error: unknown) => error);
    first.finish();
    await running;
    const afterFailure = await queue
      .run(async () => {
        throw new Error('scrypt failed');
      })
      .catch((error: Error) => error.message);

    // Assess
    expect(refused).toBeInstanceOf(HashingBusyError);
    expect(await waiting).toBe('second');
    expect(afterFailure).toBe('scrypt failed');
    expect(await queue.run(async () => 'next')).toBe('next');
  });
});
