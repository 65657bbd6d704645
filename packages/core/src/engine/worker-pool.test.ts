import { describe, expect, it } from 'vitest';
import { MIN_FILES_FOR_WORKERS, workerCount } from './worker-pool.js';

describe('workerCount', () => {
  it('takes a number as given', () => {
    expect(workerCount(3, 10, { cores: 2, load: 5 })).toBe(3);
    expect(workerCount(0, 100_000, { cores: 8, load: 0 })).toBe(0);
  });

  it('starts no worker for a small repository', () => {
    expect(workerCount('auto', MIN_FILES_FOR_WORKERS - 1, { cores: 8, load: 0 })).toBe(0);
  });

  it('starts one worker per core left free beside the main thread', () => {
    expect(workerCount('auto', 10_000, { cores: 2, load: 0 })).toBe(1);
    expect(workerCount('auto', 10_000, { cores: 2, load: 0.4 })).toBe(1);
    expect(workerCount('auto', 10_000, { cores: 4, load: 0.2 })).toBe(3);
    expect(workerCount('auto', 10_000, { cores: 4, load: 1.7 })).toBe(1);
  });

  it('starts none when other work keeps the cores busy', () => {
    expect(workerCount('auto', 10_000, { cores: 2, load: 0.6 })).toBe(0);
    expect(workerCount('auto', 10_000, { cores: 2, load: 4 })).toBe(0);
    expect(workerCount('auto', 10_000, { cores: 1, load: 0 })).toBe(0);
  });

  it('stays within 8 workers and one per batch of files', () => {
    expect(workerCount('auto', 100_000, { cores: 32, load: 0 })).toBe(8);
    expect(workerCount('auto', MIN_FILES_FOR_WORKERS, { cores: 64, load: 0 })).toBe(8);
  });
});
