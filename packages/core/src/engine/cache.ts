import { createHash, randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, ftruncateSync, lstatSync, openSync, readFileSync, readSync, statSync, writeSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { DiscoveredFile } from '../discover/discover.js';
import { hashBytes } from '../parse/document.js';
import { builtinSchemas } from '../schemas/index.js';
import { isReallyInside, openForAppendNoFollow, replaceFileAtomically } from '../util/files.js';
import { findRepository, trackingOf } from '../util/git.js';
import { RULES } from '../rules/index.js';
import { VERSION } from '../version.js';
import type { FileJobSettings, FileOutcome } from './process-file.js';
import { foldRecords, packRecord, unpackRecord, type PackedRecord, type RunRecord } from './run-record.js';

/**
 * ESLint's cache model, one step further. Per file: its stamp and content
 * hash, and the parse and document-rule outcome, valid while the file's
 * content and everything that shaped the outcome (tool version, schemas, rule
 * settings, limits) stay the same. Per run: the findings of every file, the
 * repository rules' included (see run-record.ts), so a run in which nothing
 * another document can see changed needs neither the outcomes nor the index.
 */
export interface FileStamp {
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
}

/**
 * The cache file is a log of steps: first the whole cache, then, run after
 * run, only what changed. A run that changed one file appends a few kilobytes
 * instead of rewriting megabytes; after COMPACT_AFTER_FRAMES steps, or when
 * the deltas outweigh a quarter of the whole, the whole file is rewritten,
 * atomically. A step is two frames, each a 4-byte length and v8-serialized
 * bytes: the outcomes (`Map<path, FileOutcome>`), then the rest (BaseFrame or
 * DeltaFrame). The outcomes are by far the larger part and are read only when
 * needed, so a run that the results record answers never reads them; and
 * since they come first, a crash mid-append leaves outcomes without their
 * step, which the reader drops.
 */
interface BaseFrame {
  format: 4;
  key: string;
  /** The id its outcomes frame carries: the two belong together. */
  outcomesId: string;
  stamps: PackedStamps;
  run: PackedRecord | undefined;
}

/** Only the changes; a stamp may change without its outcome (a touched file). */
interface DeltaFrame {
  outcomesId: string;
  stamps: PackedStamps;
  removed: string[];
  run: PackedRecord | undefined;
}

/** An outcomes frame's payload. */
interface OutcomesFrame {
  id: string;
  outcomes: Map<string, FileOutcome>;
}

/** Stamps as stored: columns, four numbers per file (size, modification and change time, inode), decoded far faster than an object per file. */
interface PackedStamps {
  paths: string[];
  numbers: Float64Array;
  hashes: string[];
}

function packStamps(stamps: ReadonlyMap<string, FileStamp>): PackedStamps {
  const numbers = new Float64Array(stamps.size * 4);
  let at = 0;
  for (const stamp of stamps.values()) {
    numbers.set([stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino], at);
    at += 4;
  }
  return { paths: [...stamps.keys()], numbers, hashes: [...stamps.values()].map((stamp) => stamp.hash) };
}

/** Add packed stamps to `into`; false when they are not packed stamps (a foreign or forged file). */
function unpackStamps(packed: unknown, into: Map<string, FileStamp>): boolean {
  const { paths, numbers, hashes } = (packed ?? {}) as Partial<PackedStamps>;
  if (!Array.isArray(paths) || !(numbers instanceof Float64Array) || !Array.isArray(hashes) || numbers.length !== paths.length * 4 || hashes.length !== paths.length) return false;
  paths.forEach((path: unknown, at) => {
    const hash: unknown = hashes[at];
    if (typeof path === 'string' && typeof hash === 'string') {
      into.set(path, { size: numbers[at * 4] ?? -1, mtimeMs: numbers[at * 4 + 1] ?? -1, ctimeMs: numbers[at * 4 + 2] ?? -1, ino: numbers[at * 4 + 3] ?? -1, hash });
    }
  });
  return true;
}

/** The record a frame carries: none, or a packed one; anything else makes the whole file foreign. */
function recordOf(frame: { run?: unknown }): { ok: boolean; record: RunRecord | undefined } {
  if (frame.run === undefined) return { ok: true, record: undefined };
  const record = unpackRecord(frame.run);
  return { ok: record !== undefined, record };
}

/** What was on disk: the merged stamps, the outcomes on demand, the latest results record, and the shape of the log. */
export interface StoredCache {
  stamps: Map<string, FileStamp>;
  /** Every stored outcome by path; read and decoded on the first call, which must come before `release`. */
  outcomes(): ReadonlyMap<string, FileOutcome>;
  /** Close the file the outcomes are read from. */
  release(): void;
  run: RunRecord | undefined;
  deltaFrames: number;
  /** Bytes of the delta frames: a log whose deltas outweigh a quarter of it is rewritten whole. */
  deltaBytes: number;
  /** Size of the valid log: a torn last frame beyond it is cut off before appending. */
  validBytes: number;
}

/**
 * What a run leaves: every file's stamp, the outcomes it parsed, and its
 * results record. Undefined leaves the stored record as it is, which is safe
 * even when it no longer holds: a record answers only for files whose content
 * hash it still has.
 */
export interface CacheUpdate {
  stamps: Map<string, FileStamp>;
  parsed: ReadonlyMap<string, FileOutcome>;
  run: RunRecord | undefined;
}

const COMPACT_AFTER_FRAMES = 32;
const LENGTH_BYTES = 4;
const NO_OUTCOMES: ReadonlyMap<string, FileOutcome> = new Map();

function emptyCache(): StoredCache {
  return { stamps: new Map(), outcomes: () => NO_OUTCOMES, release: () => undefined, run: undefined, deltaFrames: 0, deltaBytes: 0, validBytes: 0 };
}

function frame(body: Uint8Array): Buffer {
  const length = Buffer.alloc(LENGTH_BYTES);
  length.writeUInt32BE(body.length);
  return Buffer.concat([length, body]);
}

/** One step of the log: its outcomes, then the rest, tied by a random id. */
function step(outcomes: ReadonlyMap<string, FileOutcome>, rest: Omit<BaseFrame, 'outcomesId'> | Omit<DeltaFrame, 'outcomesId'>): Buffer {
  const id = randomBytes(8).toString('hex');
  const payload: OutcomesFrame = { id, outcomes: new Map(outcomes) };
  return Buffer.concat([frame(serialize(payload)), frame(serialize({ ...rest, outcomesId: id }))]);
}

/** Where a step's outcomes lie in the file, the id they must carry, and the paths the step wrote and removed. */
interface OutcomesAt {
  offset: number;
  length: number;
  id: string;
  paths: readonly string[];
  removed: readonly string[];
}

function readAt(fd: number, offset: number, length: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  for (let done = 0; done < length; ) {
    const count = readSync(fd, bytes, done, length - done, offset + done);
    if (count === 0) throw new Error('the cache ended early');
    done += count;
  }
  return bytes;
}

/** A step's outcomes, or undefined when the bytes are not the ones its step wrote (damaged, or overwritten by another run since). */
function stepOutcomes(fd: number, at: OutcomesAt): Map<string, FileOutcome> | undefined {
  try {
    const payload = deserialize(readAt(fd, at.offset, at.length)) as Partial<OutcomesFrame> | undefined;
    return payload?.id === at.id && payload.outcomes instanceof Map ? payload.outcomes : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The outcomes of a log's steps, read, decoded and merged in order: later
 * steps win, removals apply. A step that cannot be read takes its files'
 * outcomes with it (an older outcome of theirs would be stale): those files
 * are parsed again, and the next rewrite leaves them out.
 */
function lazyOutcomes(fd: number, steps: readonly OutcomesAt[]): () => ReadonlyMap<string, FileOutcome> {
  let merged: Map<string, FileOutcome> | undefined;
  return () => {
    if (merged) return merged;
    merged = new Map();
    for (const at of steps) {
      for (const path of at.removed) merged.delete(path);
      const outcomes = stepOutcomes(fd, at);
      if (outcomes) for (const [path, outcome] of outcomes) merged.set(path, outcome);
      else for (const path of at.paths) merged.delete(path);
    }
    return merged;
  };
}

export const DEFAULT_CACHE_NAME = '.aimslintcache';

/**
 * Everything besides a file's bytes that its outcome depends on. The rules'
 * ids, severities and message templates are in it beside the version, so a
 * build that adds a rule or rewords one never shows a stale finding.
 */
export function cacheKey(settings: FileJobSettings, discoverySettings: unknown): string {
  return createHash('sha1')
    .update(VERSION)
    .update(JSON.stringify(RULES.map(({ id, defaultSeverity, messages }) => [id, defaultSeverity, messages])))
    .update(JSON.stringify(builtinSchemas))
    .update(JSON.stringify(settings))
    .update(JSON.stringify(discoverySettings))
    .digest('hex');
}

/**
 * Read the cache; a missing, corrupt, truncated or foreign file is simply an
 * empty cache. The file stays open for the outcomes until `release`.
 */
export function readCache(path: string, key: string): StoredCache {
  let fd: number;
  try {
    // A device or FIFO (`--cache-location /dev/zero`) never ends, and a planted link points anywhere: only a regular file is read.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
  } catch {
    return emptyCache();
  }
  try {
    const stored = readLog(fd, key);
    if (stored) return stored;
  } catch {
    // Unreadable or corrupt: rebuilt below.
  }
  closeSync(fd);
  return emptyCache();
}

function readLog(fd: number, key: string): StoredCache | undefined {
  const stat = fstatSync(fd);
  if (!stat.isFile() || stat.size > MAX_CACHE_BYTES) return undefined;
  const stamps = new Map<string, FileStamp>();
  const steps: OutcomesAt[] = [];
  let run: RunRecord | undefined;
  let baseEnd = 0;
  let deltaFrames = 0;
  let validBytes = 0;
  let outcomes: { offset: number; length: number } | undefined;
  for (let at = 0; at + LENGTH_BYTES <= stat.size; ) {
    const length = readAt(fd, at, LENGTH_BYTES).readUInt32BE(0);
    const end = at + LENGTH_BYTES + length;
    // A torn last frame (a crash mid-append) ends the log.
    if (end > stat.size) break;
    if (!outcomes) {
      outcomes = { offset: at + LENGTH_BYTES, length };
      at = end;
      continue;
    }
    const payload: unknown = deserialize(readAt(fd, at + LENGTH_BYTES, length));
    const carried = recordOf(payload as { run?: unknown });
    if (!carried.ok) return undefined;
    const meta = payload as Partial<BaseFrame & DeltaFrame>;
    if (typeof meta.outcomesId !== 'string') return undefined;
    const paths = meta.stamps?.paths ?? [];
    if (validBytes === 0) {
      if (meta.format !== 4 || meta.key !== key || !unpackStamps(meta.stamps, stamps)) return undefined;
      steps.push({ ...outcomes, id: meta.outcomesId, paths, removed: [] });
      run = carried.record;
      baseEnd = end;
    } else {
      if (!Array.isArray(meta.removed)) return undefined;
      for (const file of meta.removed) stamps.delete(file);
      if (!unpackStamps(meta.stamps, stamps)) return undefined;
      steps.push({ ...outcomes, id: meta.outcomesId, paths, removed: meta.removed });
      run = foldRecords(run, carried.record);
      deltaFrames++;
    }
    outcomes = undefined;
    validBytes = end;
    at = end;
  }
  if (validBytes === 0) return undefined;
  return { stamps, outcomes: lazyOutcomes(fd, steps), release: () => closeSync(fd), run, deltaFrames, deltaBytes: validBytes - baseEnd, validBytes };
}

/** A cache larger than this is not read (100,000 documents make about 200 MB). */
const MAX_CACHE_BYTES = 1024 * 1024 * 1024;

/**
 * Append one delta frame; if that fails half-way, cut the file back so the
 * log stays whole. Opened without following links, so a link planted at the
 * cache's place cannot turn the append into a write elsewhere.
 */
function appendDelta(path: string, stored: StoredCache, bytes: Buffer): void {
  const fd = openForAppendNoFollow(path);
  try {
    ftruncateSync(fd, stored.validBytes);
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

const sameStamp = (a: Omit<FileStamp, 'hash'>, b: Omit<FileStamp, 'hash'>): boolean => a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;

const sameEntry = (a: FileStamp, b: FileStamp): boolean => sameStamp(a, b) && a.hash === b.hash;

/** Bring the cache on disk to what this run saw: nothing when nothing changed, a delta when little did, else a rewrite. */
export function saveCache(path: string, key: string, stored: StoredCache, update: CacheUpdate): void {
  // Renaming over a device, FIFO or folder (`--cache-location /dev/null`) would replace it, not write to it.
  if (!isReplaceable(path)) throw new Error(`${path} is not a regular file`);
  const { stamps, parsed, run } = update;
  const changed = new Map([...stamps].filter(([file, stamp]) => {
    const before = stored.stamps.get(file);
    return !before || !sameEntry(before, stamp) || parsed.has(file);
  }));
  const removed = [...stored.stamps.keys()].filter((file) => !stamps.has(file));
  if (changed.size === 0 && removed.length === 0 && run === undefined) return;
  const delta = step(new Map([...parsed].filter(([file]) => changed.has(file))), { stamps: packStamps(changed), removed, run: run && packRecord(run) });
  const compact = stored.validBytes === 0
    || stored.deltaFrames + 1 >= COMPACT_AFTER_FRAMES
    || (stored.deltaBytes + delta.length) * 4 > stored.validBytes + delta.length;
  // A whole rewrite is atomic: a crash or a full disk leaves the old cache or none, never half of one.
  if (compact) {
    const record = foldRecords(stored.run, run);
    const outcomes = outcomesAfter(stored, stamps, parsed);
    // A stamp vouches for an outcome: files whose outcome was lost to damage are left to the next run to parse.
    const vouched = new Map([...stamps].filter(([file]) => outcomes.has(file)));
    replaceFileAtomically(path, step(outcomes, { format: 4, key, stamps: packStamps(vouched), run: record && packRecord(record) }));
  } else {
    appendDelta(path, stored, delta);
  }
}

/** The outcome of every file the run saw: the fresh ones, else the stored ones. */
function outcomesAfter(stored: StoredCache, stamps: ReadonlyMap<string, FileStamp>, parsed: ReadonlyMap<string, FileOutcome>): Map<string, FileOutcome> {
  const before = stored.outcomes();
  const outcomes = new Map<string, FileOutcome>();
  for (const file of stamps.keys()) {
    const outcome = parsed.get(file) ?? before.get(file);
    if (outcome) outcomes.set(file, outcome);
  }
  return outcomes;
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
  /** Files whose stored outcome still holds, with their stamp now. */
  hits: Map<string, FileStamp>;
  /** Files to parse. */
  misses: DiscoveredFile[];
  /** The stamp now of every file that could be read; a miss's hash is its parse's. */
  stamps: Map<string, Omit<FileStamp, 'hash'> & { hash: string | undefined }>;
  /** Every hit has the stamp it had: nothing to write back for them. */
  unchanged: boolean;
}

/**
 * Split files into cache hits and misses. Size, modification and change time
 * and inode decide first; when they differ (a fresh checkout touches every
 * file) the content hash decides, so a CI cache still hits.
 */
export function lookUp(files: readonly DiscoveredFile[], stored: ReadonlyMap<string, FileStamp>): CacheLookup {
  const hits = new Map<string, FileStamp>();
  const misses: DiscoveredFile[] = [];
  const stamps: CacheLookup['stamps'] = new Map();
  let unchanged = true;
  for (const file of files) {
    const now = stampOf(file.absolute);
    if (!now) {
      misses.push(file);
      continue;
    }
    const entry = stored.get(file.path);
    const same = entry !== undefined && sameStamp(entry, now);
    if (entry && (same || (entry.size === now.size && hashOf(file.absolute) === entry.hash))) {
      // An unchanged stamp is the stored object itself: nothing new is made for the common case.
      const hit = same ? entry : { ...now, hash: entry.hash };
      unchanged &&= same;
      hits.set(file.path, hit);
      stamps.set(file.path, hit);
    } else {
      misses.push(file);
      stamps.set(file.path, { ...now, hash: undefined });
    }
  }
  return { hits, misses, stamps, unchanged };
}

function stampOf(path: string): Omit<FileStamp, 'hash'> | undefined {
  try {
    const stat = statSync(path, { throwIfNoEntry: false });
    return stat && { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino };
  } catch {
    // Unreadable now (permissions, a link loop): parsed, so its finding says why.
    return undefined;
  }
}

function hashOf(path: string): string | undefined {
  try {
    return hashBytes(readFileSync(path));
  } catch {
    return undefined;
  }
}

/**
 * The stamps to write back: every file of this run, none of the deleted ones.
 * Skipped files (unreadable, too large) are retried next run rather than remembered.
 */
export function stampsAfterRun(lookup: CacheLookup, parsed: ReadonlyMap<string, FileOutcome>): Map<string, FileStamp> {
  const stamps = new Map<string, FileStamp>();
  for (const [file, stamp] of lookup.stamps) {
    const outcome = parsed.get(file);
    if (outcome?.document.skipped) continue;
    const hash = stamp.hash ?? outcome?.document.hash;
    if (hash !== undefined) stamps.set(file, { ...stamp, hash });
  }
  return stamps;
}

/**
 * Why a cache file must not be read, or undefined when it may be. A cache
 * that git tracks came with the checkout, so anyone who can open a pull
 * request could have written it, findings and all; and when git cannot say
 * (git missing, dubious ownership, a broken repository), the cache is not
 * trusted either (fail closed). Outside any checkout there is no pull request
 * to fear, and the cache is the user's own.
 */
export async function cacheDistrust(root: string, path: string): Promise<string | undefined> {
  const repository = findRepository(root);
  // Outside the work tree (`--cache-location /tmp/x`) the checkout cannot have put it there.
  if (!repository || !isReallyInside(repository.workTree, path)) return undefined;
  const tracking = await trackingOf(repository, path, root);
  if (tracking === 'untracked') return undefined;
  return tracking === 'tracked'
    ? 'it is committed to git, and a committed cache could hide findings. Remove it from git and ignore it (.gitignore)'
    : 'git could not say whether it is committed, and an unverified cache could hide findings';
}
