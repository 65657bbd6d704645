import type { CacheUpdate } from '../engine/cache.js';
import type { FileOutcome } from '../engine/process-file.js';

/** A run that saw `count` documents (`doc-0.md` ...) with content `hash` and parsed them all: what the cache tests write. */
export function cacheUpdateOf(count: number, hash = 'h', changed: Record<string, string> = {}): CacheUpdate {
  const paths = Array.from({ length: count }, (_, i) => `doc-${i}.md`);
  const hashOf = (path: string) => changed[path] ?? hash;
  const outcome = (path: string): FileOutcome => ({
    document: { path, hash: hashOf(path), type: undefined, frontmatter: null, problems: [], governance: false, skipped: false, lineCount: 1, anchors: [], links: [], tables: [] },
    findings: [],
  });
  return {
    stamps: new Map(paths.map((path) => [path, { size: 1, mtimeMs: 1, ctimeMs: 1, ino: 1, hash: hashOf(path) }])),
    parsed: new Map(paths.map((path) => [path, outcome(path)])),
    run: undefined,
  };
}
