import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { MIN_FILES_FOR_WORKERS, workerCount } from './worker-pool.js';

describe('workerCount', () => {
  it('takes a number as given', () => {
    expect(workerCount(3, 10)).toBe(3);
    expect(workerCount(0, 100_000)).toBe(0);
  });

  it('starts no worker for a small repository', () => {
    expect(workerCount('auto', MIN_FILES_FOR_WORKERS - 1)).toBe(0);
  });

  it('starts one worker fewer than the cores (this thread parses too), at most 8', () => {
    expect(workerCount('auto', 100_000)).toBe(Math.min(availableParallelism() - 1, 8));
  });
});
