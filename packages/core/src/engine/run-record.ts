/**
 * The results record: a whole run's findings, kept in the cache beside the
 * per-file outcomes, so that a run in which nothing changed, or only what no
 * other document and no repository rule can see (prose), answers without
 * decoding the outcomes, building the index or running the repository rules.
 *
 * It holds when everything a repository rule reads is as it was: the same
 * files with the same content, or with the same surface (what the index
 * takes from a document, positions included); the same config, date and tool
 * (the key); the same git history, when a document-control rule reads it
 * (the key holds the commit checked out, and then a governance document's
 * whole content counts, since its body is compared with its approved
 * versions); and the same answers for linked paths that are not documents.
 * Anything else and the run takes the full path and writes a whole record
 * again.
 */
import { hash } from 'node:crypto';
import type { ResolvedConfig } from '../config/types.js';
import type { DiscoveredFile } from '../discover/discover.js';
import type { Finding, IndexedDocument } from '../model.js';
import { directivesOf, type Directive } from './suppressions.js';
import type { FileOutcome } from './process-file.js';

export interface FileRecord {
  hash: string;
  /** Digest of the document's surface (surfaceOf). */
  surface: string;
  /** Findings of the document rules, parse problems included; fixes as proposed, not resolved. */
  document: Finding[];
  /** Findings of the repository rules in this file; fixes as proposed. */
  repository: Finding[];
  /** The file's inline suppression comments, when it has any. */
  directives: Directive[] | undefined;
}

export interface RunRecord {
  key: string;
  /** A whole record, or only the files a quick run parsed again, laid over the whole one before it. */
  whole: boolean;
  files: Map<string, FileRecord>;
  /** Linked paths that are not documents, and whether they existed: the only other files the repository rules ask about. */
  exists: Map<string, boolean>;
  /** Notices the index and the history gave (no config; a shallow clone). */
  notices: string[];
}

/** What a run's results depend on beyond the files: every line of the config, the date, the tool, the history. */
export function runKey(parts: { cacheKey: string; config: ResolvedConfig; now: string; history: string | undefined; codeowners: unknown }): string {
  return hash('sha1', JSON.stringify([parts.cacheKey, parts.config, parts.now, parts.history ?? null, parts.codeowners ?? null]));
}

/**
 * What other documents and the repository rules can see of a document, with
 * positions: everything the index holds but its hash, its line count, its
 * parse problems and its comments, which no repository rule reads. (The git
 * history reads a document's body; `reuseRecord` asks for the same content
 * when a document-control rule judges it.) The frontmatter counts as its text
 * and place: its data and the places of its keys follow from them (and cost
 * ten times more to spell out).
 */
export function surfaceOf(document: IndexedDocument): string {
  const { path, type, governance, skipped, salvaged, frontmatter, anchors, links, tables } = document;
  const front = frontmatter && [frontmatter.yaml, frontmatter.yamlStartLine, frontmatter.range, frontmatter.data === null];
  // crypto.hash, one call: a Hash object per document costs three times as much.
  return hash('sha1', JSON.stringify([path, type, governance, skipped, salvaged, front, anchors, links, tables]));
}

/**
 * A later record laid over an earlier one; a partial record without its whole
 * one is no record. The earlier record's files are updated in place: it is
 * the reader's own copy, and a log can hold 30 partial records.
 */
export function foldRecords(before: RunRecord | undefined, next: RunRecord | undefined): RunRecord | undefined {
  if (!next) return before;
  if (next.whole) return next;
  if (!before || before.key !== next.key) return undefined;
  for (const [path, file] of next.files) before.files.set(path, file);
  return before;
}

export interface RecordCheck {
  record: RunRecord | undefined;
  key: string;
  files: readonly DiscoveredFile[];
  /** Files whose stored outcome still holds, with their content hash. */
  unchanged: ReadonlyMap<string, { hash: string }>;
  /** Files parsed in this run. */
  parsed: ReadonlyMap<string, FileOutcome>;
  /** Whether a linked path exists now. */
  pathExists: (path: string) => boolean;
  /** A document-control rule compares governance documents with their past: any change to one is a change. */
  historyJudged: boolean;
}

/**
 * The record's files with the parsed ones' document findings brought up to
 * date, when the record still answers for this run; undefined when the run
 * must take the full path.
 */
export function reuseRecord(check: RecordCheck): Map<string, FileRecord> | undefined {
  const { record, files, unchanged, parsed } = check;
  if (!record?.whole || record.key !== check.key || record.files.size !== files.length) return undefined;
  const reused = new Map<string, FileRecord>();
  for (const file of files) {
    const before = record.files.get(file.path);
    if (!before) return undefined;
    const outcome = parsed.get(file.path);
    if (outcome) {
      const same = outcome.document.hash === before.hash;
      if (!same && check.historyJudged && isGoverned(outcome.document)) return undefined;
      const surface = same ? before.surface : (outcome.surface ?? surfaceOf(outcome.document));
      if (surface !== before.surface) return undefined;
      reused.set(file.path, fileRecord(outcome, surface, before.repository));
    } else if (unchanged.get(file.path)?.hash === before.hash) {
      reused.set(file.path, before);
    } else {
      return undefined;
    }
  }
  for (const [path, existed] of record.exists) if (check.pathExists(path) !== existed) return undefined;
  return reused;
}

/** What the history reads: a document with a type and frontmatter data (gather.ts). */
const isGoverned = (document: IndexedDocument): boolean => document.type !== undefined && Boolean(document.frontmatter?.data);

export function fileRecord(outcome: FileOutcome, surface: string, repository: Finding[]): FileRecord {
  return { hash: outcome.document.hash, surface, document: outcome.findings, repository, directives: directivesIfAny(outcome.document) };
}

function directivesIfAny(document: IndexedDocument): Directive[] | undefined {
  const directives = directivesOf(document);
  return directives.length > 0 ? directives : undefined;
}

/**
 * A record as stored: columns instead of one object per file, and findings
 * only for the files that have some, so reading 10,000 files' worth costs a
 * few milliseconds rather than decoding 10,000 objects.
 */
export interface PackedRecord {
  key: string;
  whole: boolean;
  paths: string[];
  hashes: string[];
  surfaces: string[];
  /** By index into `paths`: the files with findings or comments. */
  found: Map<number, Pick<FileRecord, 'document' | 'repository' | 'directives'>>;
  exists: Map<string, boolean>;
  notices: string[];
}

const NONE: Finding[] = [];

export function packRecord(record: RunRecord): PackedRecord {
  const paths: string[] = [];
  const hashes: string[] = [];
  const surfaces: string[] = [];
  const found: PackedRecord['found'] = new Map();
  for (const [path, file] of record.files) {
    if (file.document.length > 0 || file.repository.length > 0 || file.directives) found.set(paths.length, { document: file.document, repository: file.repository, directives: file.directives });
    paths.push(path);
    hashes.push(file.hash);
    surfaces.push(file.surface);
  }
  return { key: record.key, whole: record.whole, paths, hashes, surfaces, found, exists: record.exists, notices: record.notices };
}

/** The record a packed one holds; undefined for anything else (a cache written by another version, a forged one). */
export function unpackRecord(packed: unknown): RunRecord | undefined {
  if (!isPackedRecord(packed)) return undefined;
  const files = new Map<string, FileRecord>();
  packed.paths.forEach((path, at) => {
    const found = packed.found.get(at);
    files.set(path, { hash: packed.hashes[at] ?? '', surface: packed.surfaces[at] ?? '', document: found?.document ?? NONE, repository: found?.repository ?? NONE, directives: found?.directives });
  });
  return { key: packed.key, whole: packed.whole, files, exists: packed.exists, notices: packed.notices };
}

function isPackedRecord(value: unknown): value is PackedRecord {
  const packed = value as Partial<PackedRecord> | undefined;
  return typeof packed?.key === 'string' && Array.isArray(packed.paths) && Array.isArray(packed.hashes) && Array.isArray(packed.surfaces)
    && packed.found instanceof Map && packed.exists instanceof Map && Array.isArray(packed.notices);
}
