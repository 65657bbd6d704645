import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCache, saveCache } from './cache.js';

const entry = (hash: string) => ({ size: 1, mtimeMs: 1, ctimeMs: 1, ino: 1, hash, outcome: {} as never });
const entriesOf = (count: number, hash = 'h') => new Map(Array.from({ length: count }, (_, i) => [`doc-${i}.md`, entry(hash)]));

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aimslint-cache-'));
  path = join(dir, '.aimslintcache');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the cache log', () => {
  it('appends a small delta when one file changed, and reads back the merged entries', () => {
    saveCache(path, 'k', readCache(path, 'k'), entriesOf(100));
    const base = statSync(path).size;
    const next = entriesOf(100);
    next.set('doc-7.md', entry('changed'));
    next.delete('doc-9.md');
    saveCache(path, 'k', readCache(path, 'k'), next);
    expect(statSync(path).size - base).toBeLessThan(base / 10);
    const stored = readCache(path, 'k');
    expect(stored.deltaFrames).toBe(1);
    expect(stored.entries.get('doc-7.md')?.hash).toBe('changed');
    expect(stored.entries.has('doc-9.md')).toBe(false);
    expect(stored.entries.size).toBe(99);
  });

  it('writes nothing when nothing changed', () => {
    saveCache(path, 'k', readCache(path, 'k'), entriesOf(10));
    const before = readFileSync(path);
    saveCache(path, 'k', readCache(path, 'k'), entriesOf(10));
    expect(readFileSync(path)).toEqual(before);
  });

  it('rewrites the whole file when the changes outweigh a quarter of it, or the key changed', () => {
    saveCache(path, 'k', readCache(path, 'k'), entriesOf(8));
    saveCache(path, 'k', readCache(path, 'k'), entriesOf(8, 'all changed'));
    expect(readCache(path, 'k').deltaFrames).toBe(0);
    saveCache(path, 'other key', readCache(path, 'other key'), entriesOf(8));
    expect(readCache(path, 'k').entries.size).toBe(0);
    expect(readCache(path, 'other key').entries.size).toBe(8);
  });

  it('ignores a torn last frame (a crash mid-append) and cuts it off on the next append', () => {
    saveCache(path, 'k', readCache(path, 'k'), entriesOf(100));
    const base = statSync(path).size;
    const next = entriesOf(100);
    next.set('doc-1.md', entry('one'));
    saveCache(path, 'k', readCache(path, 'k'), next);
    truncateSync(path, statSync(path).size - 3);
    expect(readCache(path, 'k').entries.get('doc-1.md')?.hash).toBe('h');
    next.set('doc-2.md', entry('two'));
    saveCache(path, 'k', readCache(path, 'k'), next);
    const stored = readCache(path, 'k');
    expect([stored.entries.get('doc-1.md')?.hash, stored.entries.get('doc-2.md')?.hash, stored.deltaFrames]).toEqual(['one', 'two', 1]);
    expect(statSync(path).size).toBeGreaterThan(base);
  });
});
