import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { DiscoveredFile } from '../discover/discover.js';
import { hashBytes } from '../parse/document.js';
import { builtinSchemas } from '../schemas/index.js';
import { VERSION } from '../version.js';
import type { FileJobSettings, FileOutcome } from './process-file.js';

/**
 * ESLint's cache model: per file, the parse and document-rule outcome, valid
 * while the file's content and everything that shaped the outcome (tool
 * version, schemas, rule settings, limits) stay the same. Repository rules are
 * never cached: any file can change their answer.
 */
interface CacheEntry {
  size: number;
  mtimeMs: number;
  hash: string;
  outcome: FileOutcome;
}

interface CacheFile {
  format: 1;
  key: string;
  entries: Map<string, CacheEntry>;
}

export const DEFAULT_CACHE_NAME = '.aimslintcache';

/** Everything besides a file's bytes that its outcome depends on. */
export function cacheKey(settings: FileJobSettings, discoverySettings: unknown): string {
  return createHash('sha1')
    .update(VERSION)
    .update(JSON.stringify(builtinSchemas))
    .update(JSON.stringify(settings))
    .update(JSON.stringify(discoverySettings))
    .digest('hex');
}

/** Read the cache; a missing, corrupt, truncated or foreign file is simply an empty cache. */
export function readCache(path: string, key: string): Map<string, CacheEntry> {
  try {
    // A device or FIFO (`--cache-location /dev/zero`) never ends: only a regular file is read.
    if (!statSync(path).isFile()) return new Map();
    const parsed = deserialize(readFileSync(path)) as Partial<CacheFile>;
    if (parsed.format === 1 && parsed.key === key && parsed.entries instanceof Map) return parsed.entries;
  } catch {
    // Unreadable or corrupt: rebuilt below.
  }
  return new Map();
}

/** Write atomically: a crash or a full disk leaves the old cache or none, never half of one. */
export function writeCache(path: string, key: string, entries: Map<string, CacheEntry>): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  // Renaming over a device, FIFO or folder (`--cache-location /dev/null`) would replace it, not write to it.
  if (!isRegularFileOrAbsent(path)) throw new Error(`${path} is not a regular file`);
  try {
    writeFileSync(temporary, serialize({ format: 1, key, entries } satisfies CacheFile));
    renameSync(temporary, path);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // No temporary file could be made there: nothing to clean up.
    }
    throw error;
  }
}

function isRegularFileOrAbsent(path: string): boolean {
  try {
    const stat = lstatSync(path);
    return stat.isFile() || stat.isSymbolicLink();
  } catch {
    return true;
  }
}

export interface CacheLookup {
  /** Outcomes reused from the cache, by path. */
  hits: Map<string, FileOutcome>;
  /** Files to parse. */
  misses: DiscoveredFile[];
  /** Fresh metadata of every file, for the entries written back. */
  stats: Map<string, { size: number; mtimeMs: number; hash: string | undefined }>;
  /** The stored entries differ from this run's files (deleted files, new metadata): write the cache back. */
  stale: boolean;
}

/**
 * Split files into cache hits and misses. Size and modification time decide
 * first; when they differ (a fresh checkout touches every file) the content
 * hash decides, so a CI cache still hits.
 */
export function lookUp(files: readonly DiscoveredFile[], entries: Map<string, CacheEntry>): CacheLookup {
  const hits = new Map<string, FileOutcome>();
  const misses: DiscoveredFile[] = [];
  const stats: CacheLookup['stats'] = new Map();
  let stale = entries.size !== files.length;
  for (const file of files) {
    const entry = entries.get(file.path);
    let size: number;
    let mtimeMs: number;
    try {
      ({ size, mtimeMs } = statSync(file.absolute));
    } catch {
      misses.push(file);
      continue;
    }
    if (entry && entry.size === size && entry.mtimeMs === mtimeMs) {
      hits.set(file.path, entry.outcome);
      stats.set(file.path, { size, mtimeMs, hash: entry.hash });
      continue;
    }
    const hash = entry && entry.size === size ? hashOf(file.absolute) : undefined;
    stale = true;
    if (entry && hash === entry.hash) {
      hits.set(file.path, entry.outcome);
      stats.set(file.path, { size, mtimeMs, hash });
    } else {
      misses.push(file);
      stats.set(file.path, { size, mtimeMs, hash: undefined });
    }
  }
  return { hits, misses, stats, stale };
}

function hashOf(path: string): string | undefined {
  try {
    return hashBytes(readFileSync(path));
  } catch {
    return undefined;
  }
}

/** The entries to write back: every file of this run, none of the deleted ones. */
export function entriesAfterRun(outcomes: readonly FileOutcome[], stats: CacheLookup['stats']): Map<string, CacheEntry> {
  const entries = new Map<string, CacheEntry>();
  for (const outcome of outcomes) {
    const stat = stats.get(outcome.document.path);
    // Skipped files (unreadable, too large) are retried next run rather than remembered.
    if (!stat || outcome.document.skipped) continue;
    entries.set(outcome.document.path, { size: stat.size, mtimeMs: stat.mtimeMs, hash: stat.hash ?? outcome.document.hash, outcome });
  }
  return entries;
}
