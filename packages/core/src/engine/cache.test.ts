import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheUpdateOf } from '../testing/cache-updates.js';
import { readCache, saveCache } from './cache.js';
import type { RunRecord } from './run-record.js';

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aimslint-cache-'));
  path = join(dir, '.aimslintcache');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Read, let `use` look, release: as a run does. */
function withStored<T>(key: string, use: (stored: ReturnType<typeof readCache>) => T): T {
  const stored = readCache(path, key);
  try {
    return use(stored);
  } finally {
    stored.release();
  }
}

const save = (key: string, update: ReturnType<typeof cacheUpdateOf>) => withStored(key, (stored) => saveCache(path, key, stored, update));

const record = (key: string, whole: boolean, paths: string[]): RunRecord => ({
  key,
  whole,
  files: new Map(paths.map((file) => [file, { hash: 'h', surface: `surface of ${file}`, document: [], repository: [], directives: undefined }])),
  exists: new Map([['evidence/report.pdf', true]]),
  notices: whole ? ['a notice of the index'] : [],
});

describe('the cache log', () => {
  it('appends a small delta when one file changed, and reads back the merged stamps and outcomes', () => {
    save('k', cacheUpdateOf(100));
    const base = statSync(path).size;
    const next = cacheUpdateOf(100, 'h', { 'doc-7.md': 'changed' });
    next.stamps.delete('doc-9.md');
    next.parsed = new Map([['doc-7.md', next.parsed.get('doc-7.md')!]]);
    save('k', next);
    expect(statSync(path).size - base).toBeLessThan(base / 10);
    withStored('k', (stored) => {
      expect(stored.deltaFrames).toBe(1);
      expect(stored.stamps.get('doc-7.md')?.hash).toBe('changed');
      expect(stored.stamps.has('doc-9.md')).toBe(false);
      expect(stored.stamps.size).toBe(99);
      expect(stored.outcomes().get('doc-7.md')?.document.hash).toBe('changed');
      expect(stored.outcomes().get('doc-8.md')?.document.hash).toBe('h');
      expect(stored.outcomes().has('doc-9.md')).toBe(false);
    });
  });

  it('writes nothing when nothing changed', () => {
    save('k', cacheUpdateOf(10));
    const before = readFileSync(path);
    save('k', { ...cacheUpdateOf(10), parsed: new Map() });
    expect(readFileSync(path)).toEqual(before);
  });

  it('rewrites the whole file when the changes outweigh a quarter of it, or the key changed', () => {
    save('k', cacheUpdateOf(8));
    save('k', cacheUpdateOf(8, 'all changed'));
    expect(withStored('k', (stored) => stored.deltaFrames)).toBe(0);
    save('other key', cacheUpdateOf(8));
    expect(withStored('k', (stored) => stored.stamps.size)).toBe(0);
    expect(withStored('other key', (stored) => stored.stamps.size)).toBe(8);
  });

  it('ignores a torn last step (a crash mid-append) and cuts it off on the next append', () => {
    save('k', cacheUpdateOf(100));
    const base = statSync(path).size;
    save('k', { ...cacheUpdateOf(100, 'h', { 'doc-1.md': 'one' }), parsed: new Map() });
    truncateSync(path, statSync(path).size - 3);
    expect(withStored('k', (stored) => stored.stamps.get('doc-1.md')?.hash)).toBe('h');
    save('k', { ...cacheUpdateOf(100, 'h', { 'doc-1.md': 'one', 'doc-2.md': 'two' }), parsed: new Map() });
    withStored('k', (stored) => {
      expect([stored.stamps.get('doc-1.md')?.hash, stored.stamps.get('doc-2.md')?.hash, stored.deltaFrames]).toEqual(['one', 'two', 1]);
    });
    expect(statSync(path).size).toBeGreaterThan(base);
  });

  it('drops outcomes whose step never got written: they must not pass for a stored file', () => {
    save('k', cacheUpdateOf(100));
    const whole = readFileSync(path);
    const next = cacheUpdateOf(100, 'h', { 'doc-3.md': 'new' });
    save('k', { ...next, parsed: new Map([['doc-3.md', next.parsed.get('doc-3.md')!]]) });
    const outcomesFrameLength = readFileSync(path).readUInt32BE(whole.length);
    // Keep the appended outcomes frame, lose the step that vouches for it.
    truncateSync(path, whole.length + 4 + outcomesFrameLength);
    withStored('k', (stored) => {
      expect(stored.deltaFrames).toBe(0);
      expect(stored.outcomes().get('doc-3.md')?.document.hash).toBe('h');
    });
  });

  it('never takes the outcomes of another run for its own: a step overwritten since it was read gives up its files', () => {
    save('k', cacheUpdateOf(100));
    const stale = readCache(path, 'k');
    const only = (update: ReturnType<typeof cacheUpdateOf>, file: string) => ({ ...update, parsed: new Map([[file, update.parsed.get(file)!]]) });
    save('k', only(cacheUpdateOf(100, 'h', { 'doc-3.md': 'two' }), 'doc-3.md'));
    const reader = readCache(path, 'k');
    // A run that read the log before that append writes its own delta over it.
    saveCache(path, 'k', stale, only(cacheUpdateOf(100, 'h', { 'doc-5.md': 'one' }), 'doc-5.md'));
    stale.release();
    try {
      expect(reader.outcomes().has('doc-3.md')).toBe(false);
      expect(reader.outcomes().get('doc-5.md')?.document.hash).toBe('h');
      expect(reader.outcomes().get('doc-7.md')?.document.hash).toBe('h');
    } finally {
      reader.release();
    }
  });

  it('keeps the results record: a partial one lies over the whole one with its key, and is dropped without it', () => {
    save('k', { ...cacheUpdateOf(100), run: record('run 1', true, ['doc-0.md', 'doc-1.md']) });
    save('k', { ...cacheUpdateOf(100, 'h', { 'doc-1.md': 'edited' }), parsed: new Map(), run: { ...record('run 1', false, ['doc-1.md']), files: new Map([['doc-1.md', { hash: 'edited', surface: 's', document: [], repository: [], directives: undefined }]]) } });
    withStored('k', (stored) => {
      expect(stored.run?.files.get('doc-1.md')?.hash).toBe('edited');
      expect(stored.run?.files.get('doc-0.md')?.surface).toBe('surface of doc-0.md');
      expect([stored.run?.notices, [...(stored.run?.exists ?? [])]]).toEqual([['a notice of the index'], [['evidence/report.pdf', true]]]);
    });
    save('k', { ...cacheUpdateOf(100, 'h', { 'doc-2.md': 'edited' }), parsed: new Map(), run: record('run 2', false, ['doc-2.md']) });
    expect(withStored('k', (stored) => stored.run)).toBeUndefined();
  });

  it('reads a file that is not a cache as an empty one', () => {
    appendFileSync(path, 'not a cache');
    expect(withStored('k', (stored) => stored.stamps.size)).toBe(0);
  });
});
