import { existsSync, realpathSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { getCatalog, catalogNames } from '../catalog/index.js';
import { loadConfig } from '../config/load.js';
import type { ResolvedConfig } from '../config/types.js';
import { affectedPaths, changedFilesSince, changesSettings } from '../discover/changed-files.js';
import { discover, isInside, toPosix, type DiscoveredFile } from '../discover/discover.js';
import { UsageError } from '../errors.js';
import { buildIndex, type RepoIndex } from '../index/repo-index.js';
import type { Finding, Severity, SeveritySetting } from '../model.js';
import { capFindings, TOO_MANY_FINDINGS } from '../rules/file/too-many-findings.js';
import { RULES } from '../rules/index.js';
import { closest } from '../util/suggest.js';
import type { Rule } from '../rules/types.js';
import { SchemaRegistry } from '../schemas/registry.js';
import { compareFindings, optionsOf, severityOf, toFinding } from './findings.js';
import { cacheKey, DEFAULT_CACHE_NAME, entriesAfterRun, cacheDistrust, lookUp, readCache, saveCache } from './cache.js';
import { processFile, type FileJobSettings, type FileOutcome } from './process-file.js';
import { defaultGovernanceNotice } from './default-notice.js';
import { withDependents } from './dependents.js';
import { parseInWorkers, workerCount } from './worker-pool.js';
import { ISO_DATE } from '../util/words.js';

export interface LintOptions {
  /** Where relative paths and config discovery start. */
  cwd: string;
  /** Files or folders to report on; the whole repository is still indexed. */
  paths?: string[];
  configFile?: string;
  /** Severities that win over the config (`--rule id=warn`). */
  ruleOverrides?: Record<string, SeveritySetting>;
  /** `YYYY-MM-DD` that review dates are judged against; default today. */
  now?: string;
  /**
   * Changed-files mode: report only files changed since this git ref, and the
   * files whose findings those changes can affect (everything when the config
   * or a schema changed). The whole repository is still indexed.
   */
  changedSince?: string;
  /** Also report the files whose findings depend on `paths` (links, ids, SoA evidence): the pre-commit hook's view of a change. */
  withDependents?: boolean;
  /** Reuse parse results of unchanged files between runs. */
  cache?: boolean;
  /** The cache file (default `.aimslintcache` in the root); relative to `cwd`. */
  cacheLocation?: string;
  /** Worker threads for parsing: a number, or `auto` (the cores, for repositories big enough to gain). */
  workers?: number | 'auto';
  /** The worker entry to start (the Action's bundle passes its own). */
  workerUrl?: URL;
}

export interface FileResult {
  /** Repository-relative path with `/` separators. */
  path: string;
  absolutePath: string;
  findings: Finding[];
  errorCount: number;
  warningCount: number;
}

export interface ActiveRule {
  rule: Rule;
  severity: Severity;
  options: Record<string, unknown>;
}

export interface LintStats {
  files: number;
  fromCache: number;
  workers: number;
  /** Milliseconds per phase (discover, parse, index, each repository rule, report), for `--timing`. */
  timings: Record<string, number>;
}

/** Times each step of a run, in the order they happen. */
function stopwatch() {
  const timings: Record<string, number> = {};
  const record = (name: string, started: number): void => {
    timings[name] = (timings[name] ?? 0) + performance.now() - started;
  };
  return {
    timings,
    lap<T>(name: string, work: () => T): T {
      const started = performance.now();
      const value = work();
      record(name, started);
      return value;
    },
    async lapAsync<T>(name: string, work: () => Promise<T>): Promise<T> {
      const started = performance.now();
      const value = await work();
      record(name, started);
      return value;
    },
  };
}

export interface LintResult {
  root: string;
  configFile: string | undefined;
  now: string;
  files: FileResult[];
  errorCount: number;
  warningCount: number;
  index: RepoIndex;
  rules: ActiveRule[];
  durationMs: number;
  /** How the files were parsed (from the cache, on how many threads) and where the time went. */
  stats: LintStats;
  /** Things the user should know that are not findings (a cache that could not be written). */
  notices: string[];
}


export function today(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function validNow(now: string | undefined): string {
  if (now === undefined) return today();
  const parsed = new Date(`${now}T00:00:00Z`);
  if (!ISO_DATE.test(now) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== now) {
    throw new UsageError(`--now must be a real date written YYYY-MM-DD, got "${now}"`);
  }
  return now;
}

/** The rules that run, with severities from config; unknown ids in config are an error. */
export function activeRules(config: ResolvedConfig): ActiveRule[] {
  const known = new Set(RULES.map((rule) => rule.id));
  for (const id of Object.keys(config.rules)) {
    if (known.has(id)) continue;
    const where = config.ruleSources[id] === 'options' ? '--rule' : (config.file ?? 'the config');
    const nearest = closest(id, [...known]);
    throw new UsageError(`unknown rule "${id}" in ${where}${nearest ? `; did you mean "${nearest}"?` : ''} (\`aimslint explain\` lists the rules)`);
  }
  return RULES.flatMap((rule) => {
    const severity = severityOf(config.rules[rule.id], rule.defaultSeverity);
    return severity === 'off' ? [] : [{ rule, severity, options: optionsOf(config.rules[rule.id]) }];
  });
}

/**
 * Existence of linked files that are not parsed documents (a PDF, a folder),
 * asked at most once per path, and only inside the root: a path whose real
 * location is elsewhere (a symbolic link out) does not exist for us.
 */
function existenceChecker(root: string): (path: string) => boolean {
  const realRoot = realpathSync(root);
  const known = new Map<string, boolean>();
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

function reportedPaths(config: ResolvedConfig, cwd: string, paths: readonly string[]): ((path: string) => boolean) {
  if (paths.length === 0) return () => true;
  const prefixes = paths.map((path) => {
    const absolute = resolve(cwd, path);
    if (!existsSync(absolute)) throw new UsageError(`path not found: ${path}`);
    if (!isInside(config.root, absolute)) throw new UsageError(`${path} is outside the repository root ${config.root}`);
    return toPosix(relative(config.root, absolute));
  });
  return (path) => prefixes.some((prefix) => prefix === '' || path === prefix || path.startsWith(`${prefix}/`));
}

/** A file's result; the counts are of every finding, also those a cap leaves out of the list, so the exit status stays true. */
function summarise(path: string, root: string, all: Finding[], shown: Finding[]): FileResult {
  const errorCount = all.filter((finding) => finding.severity === 'error').length;
  return { path, absolutePath: resolve(root, path), findings: shown, errorCount, warningCount: all.length - errorCount };
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

/** Parse, reusing the cache when asked; outcomes come back in the order of `files`. */
async function parseWithCache(
  files: readonly DiscoveredFile[],
  settings: FileJobSettings,
  config: ResolvedConfig,
  options: LintOptions,
  notices: string[],
): Promise<{ outcomes: FileOutcome[]; fromCache: number; workers: number }> {
  if (!options.cache) return { ...(await parseFiles(files, settings, options)), fromCache: 0 };
  const location = resolve(options.cwd, options.cacheLocation ?? join(config.root, DEFAULT_CACHE_NAME));
  const key = cacheKey(settings, { governance: config.governance, assign: config.assign });
  const distrust = cacheDistrust(config.root, location);
  if (distrust) {
    notices.push(`the cache ${location} was not used: ${distrust}`);
    return { ...(await parseFiles(files, settings, options)), fromCache: 0 };
  }
  const stored = readCache(location, key);
  const lookup = lookUp(files, stored.entries);
  const parsed = await parseFiles(lookup.misses, settings, options);
  const fresh = new Map(parsed.outcomes.map((outcome) => [outcome.document.path, outcome]));
  const outcomes = files.flatMap((file) => {
    const outcome = lookup.hits.get(file.path) ?? fresh.get(file.path);
    return outcome ? [outcome] : [];
  });
  try {
    saveCache(location, key, stored, entriesAfterRun(outcomes, lookup.stats));
  } catch (error) {
    notices.push(`the cache could not be written to ${location} (${(error as Error).message.split('\n')[0]}); results are complete, the next run starts cold`);
  }
  return { outcomes, fromCache: lookup.hits.size, workers: parsed.workers };
}

/** Which files a change since `ref` can affect. */
async function affectedBy(ref: string, config: ResolvedConfig, index: RepoIndex): Promise<(path: string) => boolean> {
  const changes = await changedFilesSince(config.root, ref);
  if (changesSettings(changes, config.settingsFiles.map((file) => toPosix(relative(config.root, file))))) return () => true;
  const affected = affectedPaths(index, changes);
  return (path) => affected.has(path);
}

/** Lint a repository: discover → parse → index → rules → findings. */
export async function lint(options: LintOptions): Promise<LintResult> {
  const started = performance.now();
  const now = validNow(options.now);
  const config = loadConfig({ cwd: options.cwd, paths: options.paths ?? [], configFile: options.configFile, ruleOverrides: options.ruleOverrides });
  const catalog = getCatalog(config.catalog);
  if (!catalog) throw new UsageError(`unknown catalog "${config.catalog}"; known: ${catalogNames().join(', ')}`);
  const rules = activeRules(config);
  const isReported = reportedPaths(config, options.cwd, options.paths ?? []);
  const clock = stopwatch();
  const files = await clock.lapAsync('discover', () => discover(config));
  const settings: FileJobSettings = {
    limits: config.limits,
    customSchemas: config.customSchemas,
    documentRules: rules.filter(({ rule }) => rule.kind === 'document').map(({ rule, severity, options: ruleOptions }) => ({ id: rule.id, severity, options: ruleOptions })),
  };
  const notices: string[] = [];
  const parsed = await clock.lapAsync('parse', () => parseWithCache(files, settings, config, options, notices));
  const outcomes = parsed.outcomes;
  const index = clock.lap('index', () => buildIndex({ root: config.root, documents: outcomes.map((outcome) => outcome.document), pathExists: existenceChecker(config.root), catalog }));
  if (config.file === undefined) notices.push(defaultGovernanceNotice(index));
  const findingsByFile = new Map<string, Finding[]>(outcomes.map((outcome) => [outcome.document.path, [...outcome.findings]]));
  for (const { rule, severity, options: ruleOptions } of rules) {
    if (rule.kind !== 'repository') continue;
    for (const report of clock.lap(rule.id, () => rule.check(index, { options: ruleOptions, now }))) {
      const list = findingsByFile.get(report.file);
      if (list) list.push(toFinding(rule, report, severity));
    }
  }
  const capSeverity = rules.find(({ rule }) => rule.id === TOO_MANY_FINDINGS)?.severity ?? null;
  const isShown = options.withDependents && (options.paths ?? []).length > 0 ? withDependents(index, isReported) : isReported;
  const isAffected = options.changedSince === undefined ? () => true : await affectedBy(options.changedSince, config, index);
  const results = clock.lap('report', () => [...findingsByFile.entries()]
    .filter(([path]) => isShown(path) && isAffected(path))
    .map(([path, findings]) => {
      const sorted = findings.sort(compareFindings);
      return summarise(path, config.root, sorted, capFindings(sorted, config.limits.maxFindingsPerFile, capSeverity));
    }));
  return {
    root: config.root,
    configFile: config.file,
    now,
    files: results,
    errorCount: results.reduce((sum, file) => sum + file.errorCount, 0),
    warningCount: results.reduce((sum, file) => sum + file.warningCount, 0),
    index,
    rules,
    durationMs: performance.now() - started,
    stats: { files: files.length, fromCache: parsed.fromCache, workers: parsed.workers, timings: clock.timings },
    notices,
  };
}
