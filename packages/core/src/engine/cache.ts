import { createHash } from 'node:crypto';
import { closeSync, ftruncateSync, lstatSync, readFileSync, statSync, writeSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { DiscoveredFile } from '../discover/discover.js';
import { hashBytes } from '../parse/document.js';
import { builtinSchemas } from '../schemas/index.js';
import { isReallyInside, openForAppendNoFollow, readBounded, replaceFileAtomically } from '../util/files.js';
import { findRepository, trackingOf } from '../util/git.js';
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
  /**
   * The inode's change time and number: `touch -d` can put a modification
   * time back after a same-size edit, but nothing can set the change time,
   * so the fast path cannot be fooled into keeping a stale result.
   */
  ctimeMs: number;
  ino: number;
  hash: string;
  outcome: FileOutcome;
}

/**
 * The cache file is a log of frames, each a 4-byte length and a v8-serialized
 * payload: first the whole cache, then, run after run, only what changed. A
 * run that changed one file appends a few kilobytes instead of rewriting
 * megabytes; after COMPACT_AFTER_FRAMES frames, or when the changes outweigh a
 * quarter of the entries, the whole file is rewritten, atomically.
 */
interface BaseFrame {
  format: 3;
  key: string;
  entries: Map<string, CacheEntry>;
}

interface DeltaFrame {
  changed: Map<string, CacheEntry>;
  removed: string[];
}

/** What was on disk: the merged entries, and how much of the log is deltas. */
export interface StoredCache {
  entries: Map<string, CacheEntry>;
  deltaFrames: number;
  deltaEntries: number;
  /** Size of the valid log: a torn last frame beyond it is cut off before appending. */
  validBytes: number;
}

const COMPACT_AFTER_FRAMES = 32;
const LENGTH_BYTES = 4;
const EMPTY: StoredCache = { entries: new Map(), deltaFrames: 0, deltaEntries: 0, validBytes: 0 };

function frame(payload: BaseFrame | DeltaFrame): Buffer {
  const body = serialize(payload);
  const length = Buffer.alloc(LENGTH_BYTES);
  length.writeUInt32BE(body.length);
  return Buffer.concat([length, body]);
}

/** The frames of a log; a torn last frame (a crash mid-append) ends the list. */
function* framesOf(bytes: Buffer): Generator<{ payload: unknown; end: number }> {
  let at = 0;
  while (at + LENGTH_BYTES <= bytes.length) {
    const end = at + LENGTH_BYTES + bytes.readUInt32BE(at);
    if (end > bytes.length) return;
    yield { payload: deserialize(bytes.subarray(at + LENGTH_BYTES, end)), end };
    at = end;
  }
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
export function readCache(path: string, key: string): StoredCache {
  try {
    // A device or FIFO (`--cache-location /dev/zero`) never ends, and a planted link points anywhere: only a regular file is read.
    const read = readBounded(path, MAX_CACHE_BYTES, { followLinks: false });
    if (read.kind !== 'ok') return EMPTY;
    const stored: StoredCache = { entries: new Map(), deltaFrames: 0, deltaEntries: 0, validBytes: 0 };
    for (const { payload, end } of framesOf(Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength))) {
      if (stored.validBytes === 0) {
        const base = payload as Partial<BaseFrame>;
        if (base.format !== 3 || base.key !== key || !(base.entries instanceof Map)) return EMPTY;
        stored.entries = base.entries;
      } else {
        const delta = payload as Partial<DeltaFrame>;
        if (!(delta.changed instanceof Map) || !Array.isArray(delta.removed)) return EMPTY;
        for (const path of delta.removed) stored.entries.delete(path);
        for (const [path, entry] of delta.changed) stored.entries.set(path, entry);
        stored.deltaFrames++;
        stored.deltaEntries += delta.changed.size + delta.removed.length;
      }
      stored.validBytes = end;
    }
    return stored.validBytes === 0 ? EMPTY : stored;
  } catch {
    // Unreadable or corrupt: rebuilt below.
    return EMPTY;
  }
}

/** A cache larger than this is not read (100,000 documents make about 200 MB). */
const MAX_CACHE_BYTES = 1024 * 1024 * 1024;

/**
 * Append one delta frame; if that fails half-way, cut the file back so the
 * log stays whole. Opened without following links, so a link planted at the
 * cache's place cannot turn the append into a write elsewhere.
 */
function appendDelta(path: string, stored: StoredCache, delta: DeltaFrame): void {
  const fd = openForAppendNoFollow(path);
  try {
    ftruncateSync(fd, stored.validBytes);
    const bytes = frame(delta);
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
  } catch (error) {
    try {
      ftruncateSync(fd, stored.validBytes);
    } catch {
      // Unwritable: the next run reads what is there, or starts cold.
    }
    throw error;
  } finally {
    closeSync(fd);
  }
}

type FileStamp = Pick<CacheEntry, 'size' | 'mtimeMs' | 'ctimeMs' | 'ino'>;

const sameStamp = (a: FileStamp, b: FileStamp): boolean => a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;

const sameEntry = (a: CacheEntry, b: CacheEntry): boolean => sameStamp(a, b) && a.hash === b.hash;

/** Bring the cache on disk to `entries`: nothing when nothing changed, a delta when little did, else a rewrite. */
export function saveCache(path: string, key: string, stored: StoredCache, entries: Map<string, CacheEntry>): void {
  // Renaming over a device, FIFO or folder (`--cache-location /dev/null`) would replace it, not write to it.
  if (!isReplaceable(path)) throw new Error(`${path} is not a regular file`);
  const changed = new Map([...entries].filter(([file, entry]) => {
    const before = stored.entries.get(file);
    return !before || !sameEntry(before, entry);
  }));
  const removed = [...stored.entries.keys()].filter((file) => !entries.has(file));
  if (changed.size === 0 && removed.length === 0) return;
  const compact = stored.validBytes === 0
    || stored.deltaFrames + 1 >= COMPACT_AFTER_FRAMES
    || (stored.deltaEntries + changed.size + removed.length) * 4 > entries.size;
  // A whole rewrite is atomic: a crash or a full disk leaves the old cache or none, never half of one.
  if (compact) replaceFileAtomically(path, frame({ format: 3, key, entries }));
  else appendDelta(path, stored, { changed, removed });
}

/** Nothing there yet, a regular file, or a link (renamed over, never followed): what a rename may replace. */
function isReplaceable(path: string): boolean {
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
  stats: Map<string, FileStamp & { hash: string | undefined }>;
}

/**
 * Split files into cache hits and misses. Size, modification and change time
 * and inode decide first; when they differ (a fresh checkout touches every
 * file) the content hash decides, so a CI cache still hits.
 */
export function lookUp(files: readonly DiscoveredFile[], entries: Map<string, CacheEntry>): CacheLookup {
  const hits = new Map<string, FileOutcome>();
  const misses: DiscoveredFile[] = [];
  const stats: CacheLookup['stats'] = new Map();
  for (const file of files) {
    const entry = entries.get(file.path);
    let stamp: FileStamp;
    try {
      const { size, mtimeMs, ctimeMs, ino } = statSync(file.absolute);
      stamp = { size, mtimeMs, ctimeMs, ino };
    } catch {
      misses.push(file);
      continue;
    }
    if (entry && sameStamp(entry, stamp)) {
      hits.set(file.path, entry.outcome);
      stats.set(file.path, { ...stamp, hash: entry.hash });
      continue;
    }
    const hash = entry && entry.size === stamp.size ? hashOf(file.absolute) : undefined;
    if (entry && hash === entry.hash) {
      hits.set(file.path, entry.outcome);
      stats.set(file.path, { ...stamp, hash });
    } else {
      misses.push(file);
      stats.set(file.path, { ...stamp, hash: undefined });
    }
  }
  return { hits, misses, stats };
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
    entries.set(outcome.document.path, { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino, hash: stat.hash ?? outcome.document.hash, outcome });
  }
  return entries;
}

/**
 * Why a cache file must not be read, or undefined when it may be. A cache
 * that git tracks came with the checkout, so anyone who can open a pull
 * request could have written it, findings and all; and when git cannot say
 * (git missing, dubious ownership, a broken repository), the cache is not
 * trusted either (fail closed). Outside any checkout there is no pull request
 * to fear, and the cache is the user's own.
 */
export function cacheDistrust(root: string, path: string): string | undefined {
  const repository = findRepository(root);
  // Outside the work tree (`--cache-location /tmp/x`) the checkout cannot have put it there.
  if (!repository || !isReallyInside(repository.workTree, path)) return undefined;
  const tracking = trackingOf(repository, path, root);
  if (tracking === 'untracked') return undefined;
  return tracking === 'tracked'
    ? 'it is committed to git, and a committed cache could hide findings. Remove it from git and ignore it (.gitignore)'
    : 'git could not say whether it is committed, and an unverified cache could hide findings';
}
