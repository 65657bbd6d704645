import { describe, expect, it } from 'vitest';
import { budgetSeconds } from './watchdog.js';

describe('budgetSeconds', () => {
  it('is the caller\'s budget, or 300 s', () => {
    expect(budgetSeconds(undefined, 300)).toBe(300);
    expect(budgetSeconds(1200, 300)).toBe(1200);
  });

  it('lets the config (the pull request\'s) shorten it, never lengthen it', () => {
    expect(budgetSeconds(undefined, 60)).toBe(60);
    expect(budgetSeconds(1200, 60)).toBe(60);
    expect(budgetSeconds(undefined, 100_000)).toBe(300);
    expect(budgetSeconds(30, 100_000)).toBe(30);
  });
});
