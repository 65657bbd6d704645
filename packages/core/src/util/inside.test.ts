import { describe, expect, it } from 'vitest';
import { isInside } from './files.js';

describe('isInside', () => {
  it('a name that starts with two dots is inside; `..` and what lies beyond it are not', () => {
    expect(isInside('/repo', '/repo/..policy.schema.json')).toBe(true);
    expect(isInside('/repo', '/repo/schemas/..x')).toBe(true);
    expect(isInside('/repo', '/repo')).toBe(true);
    expect(isInside('/repo', '/')).toBe(false);
    expect(isInside('/repo', '/repo-other/x')).toBe(false);
    expect(isInside('/repo', '/repo/../etc/passwd')).toBe(false);
  });
});
