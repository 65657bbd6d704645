import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { getCatalog, catalogNames, FRAMEWORKS, getFramework, type Framework } from '../catalog/index.js';
import { loadConfig } from '../config/load.js';
import type { ResolvedConfig } from '../config/types.js';
import { affectedPaths, changedFilesSince, changesSettings } from '../discover/changed-files.js';
import { discover, isInside, toPosix } from '../discover/discover.js';
import { UsageError } from '../errors.js';
import type { RepoIndex } from '../index/repo-index.js';
import type { Finding, Severity, SeveritySetting } from '../model.js';
import { capFindings, TOO_MANY_FINDINGS } from '../rules/file/too-many-findings.js';
import { RULES } from '../rules/index.js';
import { closest } from '../util/suggest.js';
import type { Rule } from '../rules/types.js';
import { compareFindings, optionsOf, severityOf, toFinding } from './findings.js';
import { budgetSeconds, startWatchdog } from '../util/watchdog.js';
import { cacheDistrust } from './cache.js';
import { cacheLocationOf, check, fileJobSettings, historyOf, openCache, type Checked, type RunContext } from './check.js';
import type { FileJobSettings } from './process-file.js';
import { withDependents } from './dependents.js';
import { ISO_DATE, plural } from '../util/words.js';
import { applyDirectives, type Directive, type SuppressedFinding } from './suppressions.js';
import { applyBulkSuppressions, countErrors, readBulkSuppressions, SUPPRESSIONS_FILE, updatedSuppressions, writeBulkSuppressions, type SuppressionUpdate } from './baseline.js';
import { SUPPRESSION_INVALID } from '../rules/suppression/invalid.js';
import { SUPPRESSION_UNUSED } from '../rules/suppression/unused.js';
import { hashBytes } from '../parse/document.js';
import { resolveFinding } from '../fix/resolve.js';
import { sourceTextOf, type SourceText } from '../fix/source.js';

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
  /** The run's time budget in seconds (default 300); a config's `limits.maxRunSeconds` may only shorten it. */
  maxRunSeconds?: number;
  /**
   * Called on the main thread, interrupting whatever runs there, when the
   * budget is spent; it must end the process (the adapters exit with 2). The
   * one-line reason is already on standard error. Without it, no budget is kept.
   */
  onTimeout?: () => void;
  /** The bulk suppressions file (default `aimslint-suppressions.json` in the root); relative to `cwd`. */
  suppressionsLocation?: string;
  /** Write the suppressions file in this run (`--suppress-all`, `--suppress-rule`, `--prune-suppressions`). */
  suppressionsUpdate?: SuppressionUpdate;
  /**
   * Texts that win over the disk, by repository-relative path: an editor's
   * unsaved buffers, or a fix pass's output. They bypass the cache.
   */
  overlay?: ReadonlyMap<string, Uint8Array>;
}

export interface FileResult {
  /** Repository-relative path with `/` separators. */
  path: string;
  absolutePath: string;
  findings: Finding[];
  errorCount: number;
  warningCount: number;
  /** Findings an inline comment or the suppressions file suppressed, with why; not counted above. */
  suppressed?: SuppressedFinding[];
  /** The fixed text (BOM included), when `--fix` or `--fix-dry-run` changed the file. */
  output?: string;
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
  /** The cache's results record answered: no index was built and no repository rule ran. */
  resultsReused: boolean;
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

/** What a run found: everything a formatter, a gate or an annotation needs. */
export interface FindingsResult {
  root: string;
  configFile: string | undefined;
  now: string;
  files: FileResult[];
  errorCount: number;
  warningCount: number;
  /** The frameworks beside the SoA's catalog that the config selects with `catalogs` (NIST AI RMF, EU AI Act). */
  frameworks: Framework[];
  rules: ActiveRule[];
  durationMs: number;
  /** How the files were parsed (from the cache, on how many threads) and where the time went. */
  stats: LintStats;
  /** Things the user should know that are not findings (a cache that could not be written). */
  notices: string[];
}

/** A run's findings and the repository index they were found in, for reports and fixes. */
export interface LintResult extends FindingsResult {
  index: RepoIndex;
}


export function today(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function validNow(now: string | undefined): string {
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
function summarise(path: string, absolutePath: string, all: Finding[], shown: Finding[]): FileResult {
  const errorCount = all.filter((finding) => finding.severity === 'error').length;
  return { path, absolutePath, findings: shown, errorCount, warningCount: all.length - errorCount };
}

/** A file's findings after its inline suppression comments, with the comments' own problems added. */
export function suppressInline(path: string, directives: readonly Directive[] | undefined, findings: Finding[], rules: readonly ActiveRule[]): { findings: Finding[]; suppressed: SuppressedFinding[] } {
  if (directives === undefined || directives.length === 0) return { findings, suppressed: [] };
  const active = new Map(rules.map((active) => [active.rule.id, active]));
  const outcome = applyDirectives(findings, directives, path, RULES.map((rule) => rule.id), new Set(active.keys()));
  const own = (id: string, reports: typeof outcome.invalid): Finding[] => {
    const rule = active.get(id);
    return rule ? reports.map((report) => toFinding(rule.rule, report, rule.severity)) : [];
  };
  return { findings: [...outcome.kept, ...own(SUPPRESSION_INVALID, outcome.invalid), ...own(SUPPRESSION_UNUSED, outcome.unused)], suppressed: outcome.suppressed };
}

/**
 * The bulk suppressions of this run: read, and first updated and written
 * when asked. Counts are taken after inline suppressions, so a comment and
 * the file never both claim one finding.
 */
function applyBaseline(
  files: readonly { path: string; findings: Finding[] }[],
  config: ResolvedConfig,
  isLinted: (path: string) => boolean,
  options: LintOptions,
  notices: string[],
): { suppressions: ReturnType<typeof readBulkSuppressions>; name: string } {
  const location = options.suppressionsLocation === undefined ? join(config.root, SUPPRESSIONS_FILE) : resolve(options.cwd, options.suppressionsLocation);
  const name = isInside(config.root, location) ? toPosix(relative(config.root, location)) : location;
  const stored = readBulkSuppressions(location);
  const update = options.suppressionsUpdate;
  if (update === undefined || (update.suppress === undefined && !update.prune)) return { suppressions: stored, name };
  const next = updatedSuppressions(stored, countErrors(files), update, new Set(files.map((file) => file.path)), isLinted);
  writeBulkSuppressions(location, next);
  const total = Object.values(next).reduce((sum, rules) => sum + Object.values(rules).reduce((n, { count }) => n + count, 0), 0);
  notices.push(`${name} now suppresses ${plural(total, 'error')} in ${plural(Object.keys(next).length, 'file')}`);
  return { suppressions: next, name };
}

/** A source for each linted file, read once, and only if it is still the text that was parsed (`hashOf`; undefined: not read). */
export function sourceReader(root: string, hashOf: (file: string) => string | undefined, overlay: ReadonlyMap<string, Uint8Array> | undefined): (file: string) => SourceText | undefined {
  const read = new Map<string, SourceText | undefined>();
  return (file) => {
    if (read.has(file)) return read.get(file);
    const hash = hashOf(file);
    let source: SourceText | undefined;
    if (hash !== undefined) {
      try {
        const bytes = overlay?.get(file) ?? readFileSync(resolve(root, file));
        if (hashBytes(bytes) === hash) source = sourceTextOf(bytes);
      } catch {
        source = undefined;
      }
    }
    read.set(file, source);
    return source;
  };
}

/** Which files a change since `ref` can affect. */
async function affectedBy(ref: string, config: ResolvedConfig, index: RepoIndex): Promise<(path: string) => boolean> {
  const changes = await changedFilesSince(config.root, ref);
  if (changesSettings(changes, config.settingsFiles.map((file) => toPosix(relative(config.root, file))))) return () => true;
  const affected = affectedPaths(index, changes);
  return (path) => affected.has(path);
}

/** The frameworks among the configured catalogs; a name that is neither a catalog nor a framework is a usage error. */
function selectedFrameworks(names: readonly string[]): Framework[] {
  return names.flatMap((name) => {
    if (getCatalog(name)) return [];
    const framework = getFramework(name);
    if (!framework) throw new UsageError(`unknown catalog "${name}"; known: ${[...catalogNames(), ...FRAMEWORKS.map((known) => known.id)].join(', ')}`);
    return [framework];
  });
}

/** Lint a repository: discover → parse → index → rules → findings, within the time budget. */
export async function lint(options: LintOptions): Promise<LintResult> {
  const result = await lintWithBudget(options, true);
  if (!result.index) throw new Error('the index was asked for and not built');
  return { ...result, index: result.index };
}

/**
 * Lint for the findings alone, as a gate or an editor's save does: no
 * repository index in the result, so a warm cache whose results record still
 * holds answers without building one (`--cache`: results identical to `lint`).
 */
export async function lintFindings(options: LintOptions): Promise<FindingsResult> {
  const { index: _index, ...result } = await lintWithBudget(options, false);
  return result;
}

async function lintWithBudget(options: LintOptions, wantIndex: boolean): Promise<FindingsResult & { index: RepoIndex | undefined }> {
  const started = performance.now();
  const now = validNow(options.now);
  const config = loadConfig({ cwd: options.cwd, paths: options.paths ?? [], configFile: options.configFile, ruleOverrides: options.ruleOverrides });
  if (!options.onTimeout) return lintWithConfig(options, config, now, started, wantIndex);
  const seconds = budgetSeconds(options.maxRunSeconds, config.limits.maxRunSeconds);
  const watchdog = startWatchdog(seconds, `aimslint: stopped after ${seconds} s, the run's time budget (limits.maxRunSeconds); a document or schema may be built to slow aimslint down\n`, options.onTimeout);
  try {
    return await lintWithConfig(options, config, now, started, wantIndex);
  } finally {
    await watchdog.stop();
  }
}

async function lintWithConfig(options: LintOptions, config: ResolvedConfig, now: string, started: number, wantIndex: boolean): Promise<FindingsResult & { index: RepoIndex | undefined }> {
  const catalog = getCatalog(config.catalog);
  if (!catalog) throw new UsageError(`unknown catalog "${config.catalog}"; known: ${catalogNames().join(', ')}`);
  const frameworks = selectedFrameworks(config.catalogs);
  const rules = activeRules(config);
  const isReported = reportedPaths(config, options.cwd, options.paths ?? []);
  const clock = stopwatch();
  const notices: string[] = [];
  const location = cacheLocationOf(config, options);
  // Git answers while the files are walked: whether the cache is committed, and the commit the history is read at.
  const git = location === undefined ? undefined : { distrust: cacheDistrust(config.root, location), history: historyOf(rules, config, options) };
  const files = await clock.lapAsync('discover', () => discover(config, notices));
  const settings: FileJobSettings = options.cache ? { ...fileJobSettings(config, rules), surfaces: true } : fileJobSettings(config, rules);
  const run: RunContext = { options, config, rules, catalog, now, clock, notices, settings, history: git?.history };
  const cache = location && git ? await clock.lapAsync('cache', () => openCache(location, git.distrust, files, settings, config, notices)) : undefined;
  let checked: Checked;
  try {
    checked = await check(run, files, cache, wantIndex);
  } finally {
    cache?.stored.release();
  }
  const { byFile, index } = checked;
  const sourceOf = sourceReader(config.root, (file) => byFile.get(file)?.hash, options.overlay);
  const capSeverity = rules.find(({ rule }) => rule.id === TOO_MANY_FINDINGS)?.severity ?? null;
  const isShown = options.withDependents && (options.paths ?? []).length > 0 && index ? withDependents(index, isReported) : isReported;
  // A changed-since run never takes the record, so it always has the index.
  const isAffected = options.changedSince !== undefined && index ? await affectedBy(options.changedSince, config, index) : () => true;
  const inline = [...byFile]
    .filter(([path]) => isShown(path) && isAffected(path))
    .map(([path, record]) => {
      // Most files have nothing to report: no copies for them.
      const all = record.document.length + record.repository.length === 0 ? [] : [...record.document, ...record.repository].map((finding) => resolveFinding(finding, sourceOf));
      return { path, ...suppressInline(path, record.directives, all, rules) };
    });
  const absolutes = new Map(files.map((file) => [file.path, file.absolute]));
  const bulk = applyBaseline(inline, config, (path) => byFile.has(path), options, notices);
  const judged = inline.map((file) => ({ ...file, bulk: applyBulkSuppressions(file.path, file.findings, bulk.suppressions, bulk.name) }));
  const results = clock.lap('report', () => judged.map(({ path, suppressed, bulk: outcome }) => {
    const sorted = outcome.kept.sort(compareFindings);
    const result = summarise(path, absolutes.get(path) ?? resolve(config.root, path), sorted, capFindings(sorted, config.limits.maxFindingsPerFile, capSeverity));
    const hidden = [...suppressed, ...outcome.suppressed];
    return hidden.length > 0 ? { ...result, suppressed: hidden.sort(compareFindings) } : result;
  }));
  const unmatched = judged.reduce((sum, file) => sum + file.bulk.unmatched, 0);
  if (unmatched > 0 && options.suppressionsUpdate?.prune !== true) {
    notices.push(`${plural(unmatched, 'suppression')} in ${bulk.name} no longer ${unmatched === 1 ? 'matches' : 'match'} a finding; run \`aimslint --prune-suppressions\` to remove them`);
  }
  return {
    root: config.root,
    configFile: config.file,
    now,
    files: results,
    errorCount: results.reduce((sum, file) => sum + file.errorCount, 0),
    warningCount: results.reduce((sum, file) => sum + file.warningCount, 0),
    index,
    frameworks,
    rules,
    durationMs: performance.now() - started,
    stats: { files: files.length, fromCache: cache?.lookup.hits.size ?? 0, workers: checked.workers, resultsReused: checked.reused, timings: clock.timings },
    notices,
  };
}
