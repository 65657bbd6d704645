/**
 * The middle of a run: parse what the cache does not answer for, then either
 * take the cache's results record (run-record.ts) or build the index and run
 * the repository rules, and leave the cache up to date. `lint.ts` runs the
 * whole pipeline around it: config, discovery, suppressions, results.
 */
import { realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Catalog } from '../catalog/index.js';
import type { ResolvedConfig } from '../config/types.js';
import { isInside, type DiscoveredFile } from '../discover/discover.js';
import { gatherHistory, historyFingerprint, HISTORY_RULES } from '../history/gather.js';
import { readCodeowners } from '../index/codeowners.js';
import { buildIndex, type RepoIndex } from '../index/repo-index.js';
import type { Finding } from '../model.js';
import { SchemaRegistry } from '../schemas/registry.js';
import { cacheKey, DEFAULT_CACHE_NAME, lookUp, readCache, saveCache, stampsAfterRun, type CacheLookup, type StoredCache } from './cache.js';
import { defaultGovernanceNotice } from './default-notice.js';
import { toFinding } from './findings.js';
import type { ActiveRule, LintOptions } from './lint.js';
import { processFile, type FileJobSettings, type FileOutcome } from './process-file.js';
import { fileRecord, reuseRecord, runKey, surfaceOf, type FileRecord, type RunRecord } from './run-record.js';
import { parseInWorkers, workerCount } from './worker-pool.js';

/** Where a run's time goes, phase by phase (lint.ts's stopwatch). */
export interface Clock {
  lap<T>(name: string, work: () => T): T;
  lapAsync<T>(name: string, work: () => Promise<T>): Promise<T>;
}

/**
 * Existence of linked files that are not parsed documents (a PDF, a folder),
 * asked at most once per path, and only inside the root: a path whose real
 * location is elsewhere (a symbolic link out) does not exist for us. The
 * answers are kept in `known`, for the results record.
 */
export function existenceChecker(root: string, known = new Map<string, boolean>()): (path: string) => boolean {
  const realRoot = realpathSync(root);
  return (path) => {
    let exists = known.get(path);
    if (exists === undefined) {
      try {
        exists = isInside(realRoot, realpathSync(resolve(root, path)));
      } catch {
        exists = false;
      }
      known.set(path, exists);
    }
    return exists;
  };
}

/** Parse on worker threads when that pays, else on this thread. */
async function parseFiles(files: readonly DiscoveredFile[], settings: FileJobSettings, options: LintOptions): Promise<{ outcomes: FileOutcome[]; workers: number }> {
  const workers = workerCount(options.workers ?? 'auto', files.length);
  if (workers > 0) return { outcomes: await parseInWorkers(files, settings, workers, options.workerUrl), workers };
  const schemas = new SchemaRegistry(settings.customSchemas);
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    outcomes.push(processFile(file, settings, schemas));
    // Let the event loop breathe now and then, so Ctrl-C is answered at once, not at the end of the run.
    if (outcomes.length % 64 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return { outcomes, workers: 0 };
}

/** The cache of a run: where it lives, what it held, and which files it still answers for. */
export interface OpenCache {
  location: string;
  key: string;
  stored: StoredCache;
  lookup: CacheLookup;
}

/** Where the cache lives, when the run keeps one; an overlay run describes no disk, so it neither reads nor writes one. */
export function cacheLocationOf(config: ResolvedConfig, options: LintOptions): string | undefined {
  if (!options.cache || (options.overlay !== undefined && options.overlay.size > 0)) return undefined;
  return resolve(options.cwd, options.cacheLocation ?? join(config.root, DEFAULT_CACHE_NAME));
}

/** The cache, when trusted (`distrust` is git's answer, asked while the files were walked). */
export async function openCache(location: string, distrust: Promise<string | undefined>, files: readonly DiscoveredFile[], settings: FileJobSettings, config: ResolvedConfig, notices: string[]): Promise<OpenCache | undefined> {
  const reason = await distrust;
  if (reason) {
    notices.push(`the cache ${location} was not used: ${reason}`);
    return undefined;
  }
  const key = cacheKey(settings, { governance: config.governance, assign: config.assign });
  const stored = readCache(location, key);
  try {
    return { location, key, stored, lookup: lookUp(files, stored.stamps) };
  } catch (error) {
    stored.release();
    throw error;
  }
}

/**
 * What the results record's key needs of git: the commit the history would be
 * read at (`none` without a document-control rule), or undefined when the run
 * keeps no record (no cache, a changed-since run, or a history git cannot pin).
 */
export function historyOf(rules: readonly ActiveRule[], config: ResolvedConfig, options: LintOptions): Promise<string | undefined> {
  const historyRules = rules.filter(({ rule }) => HISTORY_RULES.has(rule.id));
  if (options.changedSince !== undefined) return Promise.resolve(undefined);
  if (historyRules.length === 0) return Promise.resolve('none');
  return historyFingerprint(config.root, subfolderOf(rules));
}

/** Whether a document-control rule asks to judge the history of a root below the top of its checkout. */
const subfolderOf = (rules: readonly ActiveRule[]): boolean => rules.some(({ rule, options: ruleOptions }) => HISTORY_RULES.has(rule.id) && ruleOptions['subfolder'] === true);

/** Parse the files the cache does not answer for; an overlay's texts win over the disk, and are parsed on this thread. */
async function parseMisses(files: readonly DiscoveredFile[], settings: FileJobSettings, options: LintOptions): Promise<{ parsed: Map<string, FileOutcome>; workers: number }> {
  const overlay = options.overlay ?? new Map<string, Uint8Array>();
  const rest = await parseFiles(files.filter((file) => !overlay.has(file.path)), settings, options);
  const parsed = new Map(rest.outcomes.map((outcome) => [outcome.document.path, outcome]));
  const held = files.filter((file) => overlay.has(file.path));
  const schemas = held.length > 0 ? new SchemaRegistry(settings.customSchemas) : undefined;
  for (const file of held) if (schemas) parsed.set(file.path, processFile(file, settings, schemas, overlay.get(file.path)));
  return { parsed, workers: rest.workers };
}

/**
 * The files a quick run parsed again whose content changed, as a record laid
 * over the stored one; undefined when there are none (a file that cannot be
 * read is parsed on every run, and changes nothing to remember).
 */
function partialRecord(key: string, reused: ReadonlyMap<string, FileRecord>, parsed: ReadonlyMap<string, FileOutcome>, stored: RunRecord | undefined): RunRecord | undefined {
  const files = new Map<string, FileRecord>();
  for (const path of parsed.keys()) {
    const record = reused.get(path);
    if (record && record.hash !== stored?.files.get(path)?.hash) files.set(path, record);
  }
  return files.size > 0 ? { key, whole: false, files, exists: new Map(), notices: [] } : undefined;
}

function saveRun(cache: OpenCache, parsed: ReadonlyMap<string, FileOutcome>, record: RunRecord | undefined, notices: string[]): void {
  if (parsed.size === 0 && record === undefined && cache.lookup.unchanged && cache.lookup.hits.size === cache.stored.stamps.size) return;
  try {
    saveCache(cache.location, cache.key, cache.stored, { stamps: stampsAfterRun(cache.lookup, parsed), parsed, run: record });
  } catch (error) {
    notices.push(`the cache could not be written to ${cache.location} (${(error as Error).message.split('\n')[0]}); results are complete, the next run starts cold`);
  }
}

/** Each file's findings before suppressions: its document rules' and the repository rules', fixes as proposed. */
type FileFindings = ReadonlyMap<string, FileRecord>;

/** The settings every file is parsed and checked with. */
export function fileJobSettings(config: ResolvedConfig, rules: readonly ActiveRule[]): FileJobSettings {
  return {
    limits: config.limits,
    customSchemas: config.customSchemas,
    documentRules: rules.filter(({ rule }) => rule.kind === 'document').map(({ rule, severity, options: ruleOptions }) => ({ id: rule.id, severity, options: ruleOptions })),
  };
}

/** What one run works with. */
export interface RunContext {
  options: LintOptions;
  config: ResolvedConfig;
  rules: readonly ActiveRule[];
  catalog: Catalog;
  now: string;
  clock: Clock;
  notices: string[];
  settings: FileJobSettings;
  /** `historyOf`'s answer, asked early; undefined without a cache. */
  history: Promise<string | undefined> | undefined;
}

export interface Checked {
  byFile: FileFindings;
  /** Undefined when the results record answered and nobody needs the index. */
  index: RepoIndex | undefined;
  /** The results record answered: no repository rule ran. */
  reused: boolean;
  workers: number;
}

/**
 * Every file's findings: parse what the cache does not answer for, then take
 * the results record when it still holds, else build the index and run the
 * repository rules (the full path), and leave the cache up to date.
 */
export async function check(run: RunContext, files: readonly DiscoveredFile[], cache: OpenCache | undefined, wantIndex: boolean): Promise<Checked> {
  const { options, config, rules, now, clock } = run;
  const { parsed, workers } = await clock.lapAsync('parse', () => parseMisses(cache?.lookup.misses ?? files, run.settings, options));
  const existence = new Map<string, boolean>();
  const inputs: IndexInputs = {
    subfolder: subfolderOf(rules),
    codeowners: rules.some(({ rule }) => rule.id === 'doc-control/owner-not-codeowner') ? readCodeowners(config.root) : undefined,
    existence,
    pathExists: existenceChecker(config.root, existence),
  };
  // Changed-since runs judge history against a merge base, and a shallow clone's history is not pinned by its commit: no record for those.
  const history = cache ? await run.history : undefined;
  const key = cache && history !== undefined ? runKey({ cacheKey: cache.key, config, now, history, codeowners: inputs.codeowners }) : undefined;
  const reused = cache && key
    ? clock.lap('results record', () => reuseRecord({ record: cache.stored.run, key, files, unchanged: cache.lookup.hits, parsed, pathExists: inputs.pathExists, historyJudged: history !== 'none' }))
    : undefined;
  // Dependents (`--with-dependents`) and the callers of `lint` read the index; with the record it is built, but no repository rule runs.
  const needsIndex = wantIndex || (options.withDependents === true && (options.paths ?? []).length > 0);
  if (cache && key && reused) {
    run.notices.push(...(cache.stored.run?.notices ?? []));
    const index = needsIndex ? (await indexOf(run, await allOutcomes(run, files, parsed, cache), inputs)).index : undefined;
    saveRun(cache, parsed, partialRecord(key, reused, parsed, cache.stored.run), run.notices);
    return { byFile: reused, index, reused: true, workers };
  }
  const outcomes = await allOutcomes(run, files, parsed, cache);
  const { index, notices, failed } = await indexOf(run, outcomes, inputs);
  run.notices.push(...notices);
  const repository = repositoryFindings(run, index);
  const byFile = new Map(outcomes.map((outcome) => [outcome.document.path, fileRecord(outcome, key ? (outcome.surface ?? surfaceOf(outcome.document)) : '', repository.get(outcome.document.path) ?? [])]));
  // A history git failed to read in full is this run's answer, not one to repeat.
  const record: RunRecord | undefined = key && !failed ? { key, whole: true, files: byFile, exists: inputs.existence, notices } : undefined;
  if (cache) saveRun(cache, parsed, record, run.notices);
  return { byFile, index, reused: false, workers };
}

/**
 * Every file's outcome, in the order of `files`: parsed in this run, else
 * from the cache. A file the stamps vouch for whose outcome cannot be read (a
 * damaged log) is parsed now, never left out.
 */
async function allOutcomes(run: RunContext, files: readonly DiscoveredFile[], parsed: Map<string, FileOutcome>, cache: OpenCache | undefined): Promise<FileOutcome[]> {
  const stored = cache?.stored.outcomes();
  const lost = files.filter((file) => !parsed.has(file.path) && !stored?.has(file.path));
  if (lost.length > 0) for (const [path, outcome] of (await parseMisses(lost, run.settings, run.options)).parsed) parsed.set(path, outcome);
  return outcomesOf(files, parsed, stored);
}

/** Each file's outcome, in the order of `files`: parsed in this run, else from the cache. */
function outcomesOf(files: readonly DiscoveredFile[], parsed: ReadonlyMap<string, FileOutcome>, stored: ReadonlyMap<string, FileOutcome> | undefined): FileOutcome[] {
  return files.flatMap((file) => {
    const outcome = parsed.get(file.path) ?? stored?.get(file.path);
    return outcome ? [outcome] : [];
  });
}

interface IndexInputs {
  subfolder: boolean;
  codeowners: ReturnType<typeof readCodeowners> | undefined;
  /** The answers of the linked paths' existence, kept for the results record. */
  existence: Map<string, boolean>;
  /** Asks, and notes the answer in `existence`. */
  pathExists: (path: string) => boolean;
}

/** The index, with the history when a rule reads it, and the notices they give. */
async function indexOf(run: RunContext, outcomes: readonly FileOutcome[], inputs: IndexInputs): Promise<{ index: RepoIndex; notices: string[]; failed: boolean }> {
  const { options, config, rules, catalog, clock } = run;
  const documents = outcomes.map((outcome) => outcome.document);
  const gathered = rules.some(({ rule }) => HISTORY_RULES.has(rule.id))
    ? await clock.lapAsync('history', () => gatherHistory({ root: config.root, documents, limits: config.limits, changedSince: options.changedSince, subfolder: inputs.subfolder }))
    : { history: undefined, notices: [], failed: false };
  const notices = [...gathered.notices];
  const index = clock.lap('index', () => buildIndex({ root: config.root, documents, pathExists: inputs.pathExists, catalog, soaColumns: config.soaColumns, history: gathered.history, codeowners: inputs.codeowners }));
  if (config.file === undefined) notices.push(defaultGovernanceNotice(index));
  return { index, notices, failed: gathered.failed };
}

/** Every repository rule's findings, by file. */
function repositoryFindings(run: RunContext, index: RepoIndex): Map<string, Finding[]> {
  const repository = new Map<string, Finding[]>();
  for (const { rule, severity, options: ruleOptions } of run.rules) {
    if (rule.kind !== 'repository') continue;
    for (const report of run.clock.lap(rule.id, () => rule.check(index, { options: ruleOptions, now: run.now }))) {
      const list = repository.get(report.file);
      if (list) list.push(toFinding(rule, report, severity));
      else repository.set(report.file, [toFinding(rule, report, severity)]);
    }
  }
  return repository;
}
