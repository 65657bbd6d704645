import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { getCatalog, catalogNames, FRAMEWORKS, getFramework, type Framework } from '../catalog/index.js';
import { loadConfig } from '../config/load.js';
import type { ResolvedConfig } from '../config/types.js';
import { affectedPaths, changedFilesSince, changesSettings } from '../discover/changed-files.js';
import { discover, isInside, toPosix, type DiscoveredFile } from '../discover/discover.js';
import { UsageError } from '../errors.js';
import { buildIndex, type RepoIndex } from '../index/repo-index.js';
import { gatherHistory, HISTORY_RULES } from '../history/gather.js';
import { readCodeowners } from '../index/codeowners.js';
import type { Finding, IndexedDocument, Severity, SeveritySetting } from '../model.js';
import { capFindings, TOO_MANY_FINDINGS } from '../rules/file/too-many-findings.js';
import { RULES } from '../rules/index.js';
import { closest } from '../util/suggest.js';
import type { Rule } from '../rules/types.js';
import { SchemaRegistry } from '../schemas/registry.js';
import { compareFindings, optionsOf, severityOf, toFinding } from './findings.js';
import { budgetSeconds, startWatchdog } from '../util/watchdog.js';
import { cacheKey, DEFAULT_CACHE_NAME, entriesAfterRun, cacheDistrust, lookUp, readCache, saveCache } from './cache.js';
import { processFile, type FileJobSettings, type FileOutcome } from './process-file.js';
import { defaultGovernanceNotice } from './default-notice.js';
import { withDependents } from './dependents.js';
import { parseInWorkers, workerCount } from './worker-pool.js';
import { ISO_DATE, plural } from '../util/words.js';
import { applyDirectives, directivesOf, type SuppressedFinding } from './suppressions.js';
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
  /** The frameworks beside the SoA's catalog that the config selects with `catalogs` (NIST AI RMF, EU AI Act). */
  frameworks: Framework[];
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

/**
 * Existence of linked files that are not parsed documents (a PDF, a folder),
 * asked at most once per path, and only inside the root: a path whose real
 * location is elsewhere (a symbolic link out) does not exist for us.
 */
export function existenceChecker(root: string): (path: string) => boolean {
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

/** A file's findings after its inline suppression comments, with the comments' own problems added. */
function suppressInline(document: IndexedDocument | undefined, findings: Finding[], rules: readonly ActiveRule[]): { findings: Finding[]; suppressed: SuppressedFinding[] } {
  const directives = document ? directivesOf(document) : [];
  if (directives.length === 0) return { findings, suppressed: [] };
  const active = new Map(rules.map((active) => [active.rule.id, active]));
  const outcome = applyDirectives(findings, directives, document?.path ?? '', RULES.map((rule) => rule.id), new Set(active.keys()));
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
  index: RepoIndex,
  options: LintOptions,
  notices: string[],
): { suppressions: ReturnType<typeof readBulkSuppressions>; name: string } {
  const location = options.suppressionsLocation === undefined ? join(config.root, SUPPRESSIONS_FILE) : resolve(options.cwd, options.suppressionsLocation);
  const name = isInside(config.root, location) ? toPosix(relative(config.root, location)) : location;
  const stored = readBulkSuppressions(location);
  const update = options.suppressionsUpdate;
  if (update === undefined || (update.suppress === undefined && !update.prune)) return { suppressions: stored, name };
  const next = updatedSuppressions(stored, countErrors(files), update, new Set(files.map((file) => file.path)), (path) => index.byPath.has(path));
  writeBulkSuppressions(location, next);
  const total = Object.values(next).reduce((sum, rules) => sum + Object.values(rules).reduce((n, { count }) => n + count, 0), 0);
  notices.push(`${name} now suppresses ${plural(total, 'error')} in ${plural(Object.keys(next).length, 'file')}`);
  return { suppressions: next, name };
}

/** Parse with the overlay's texts winning: those files on this thread, the others as usual. */
async function parseWithOverlay(
  files: readonly DiscoveredFile[],
  settings: FileJobSettings,
  config: ResolvedConfig,
  options: LintOptions,
  notices: string[],
): Promise<{ outcomes: FileOutcome[]; fromCache: number; workers: number }> {
  const overlay = options.overlay;
  if (!overlay || overlay.size === 0) return parseWithCache(files, settings, config, options, notices);
  const held = files.filter((file) => overlay.has(file.path));
  // Cached entries describe the disk; an overlay run neither reads nor writes them.
  const rest = await parseFiles(files.filter((file) => !overlay.has(file.path)), settings, options);
  const schemas = new SchemaRegistry(settings.customSchemas);
  const byPath = new Map(rest.outcomes.map((outcome) => [outcome.document.path, outcome]));
  for (const file of held) byPath.set(file.path, processFile(file, settings, schemas, overlay.get(file.path)));
  const outcomes = files.flatMap((file) => {
    const outcome = byPath.get(file.path);
    return outcome ? [outcome] : [];
  });
  return { outcomes, fromCache: 0, workers: rest.workers };
}

/** A source for each document the index holds, read once, and only if it is still the text that was parsed. */
function sourceReader(index: RepoIndex, overlay: ReadonlyMap<string, Uint8Array> | undefined): (file: string) => SourceText | undefined {
  const read = new Map<string, SourceText | undefined>();
  return (file) => {
    if (read.has(file)) return read.get(file);
    const document = index.byPath.get(file);
    let source: SourceText | undefined;
    if (document && !document.skipped) {
      try {
        const bytes = overlay?.get(file) ?? readFileSync(resolve(index.root, file));
        if (hashBytes(bytes) === document.hash) source = sourceTextOf(bytes);
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
  const started = performance.now();
  const now = validNow(options.now);
  const config = loadConfig({ cwd: options.cwd, paths: options.paths ?? [], configFile: options.configFile, ruleOverrides: options.ruleOverrides });
  if (!options.onTimeout) return lintWithConfig(options, config, now, started);
  const seconds = budgetSeconds(options.maxRunSeconds, config.limits.maxRunSeconds);
  const watchdog = startWatchdog(seconds, `aimslint: stopped after ${seconds} s, the run's time budget (limits.maxRunSeconds); a document or schema may be built to slow aimslint down\n`, options.onTimeout);
  try {
    return await lintWithConfig(options, config, now, started);
  } finally {
    await watchdog.stop();
  }
}

async function lintWithConfig(options: LintOptions, config: ResolvedConfig, now: string, started: number): Promise<LintResult> {
  const catalog = getCatalog(config.catalog);
  if (!catalog) throw new UsageError(`unknown catalog "${config.catalog}"; known: ${catalogNames().join(', ')}`);
  const frameworks = selectedFrameworks(config.catalogs);
  const rules = activeRules(config);
  const isReported = reportedPaths(config, options.cwd, options.paths ?? []);
  const clock = stopwatch();
  const notices: string[] = [];
  const files = await clock.lapAsync('discover', () => discover(config, notices));
  const settings: FileJobSettings = {
    limits: config.limits,
    customSchemas: config.customSchemas,
    documentRules: rules.filter(({ rule }) => rule.kind === 'document').map(({ rule, severity, options: ruleOptions }) => ({ id: rule.id, severity, options: ruleOptions })),
  };
  const parsed = await clock.lapAsync('parse', () => parseWithOverlay(files, settings, config, options, notices));
  const outcomes = parsed.outcomes;
  const documents = outcomes.map((outcome) => outcome.document);
  const historyRules = rules.filter(({ rule }) => HISTORY_RULES.has(rule.id));
  const history = historyRules.length > 0
    ? await clock.lapAsync('history', () => gatherHistory({
      root: config.root, documents, limits: config.limits, changedSince: options.changedSince, subfolder: historyRules.some(({ options: ruleOptions }) => ruleOptions['subfolder'] === true),
    }))
    : { history: undefined, notices: [] };
  notices.push(...history.notices);
  const index = clock.lap('index', () => buildIndex({ root: config.root, documents, pathExists: existenceChecker(config.root), catalog, soaColumns: config.soaColumns, history: history.history, codeowners: rules.some(({ rule }) => rule.id === 'doc-control/owner-not-codeowner') ? readCodeowners(config.root) : undefined }));
  if (config.file === undefined) notices.push(defaultGovernanceNotice(index));
  const findingsByFile = new Map<string, Finding[]>(outcomes.map((outcome) => [outcome.document.path, [...outcome.findings]]));
  for (const { rule, severity, options: ruleOptions } of rules) {
    if (rule.kind !== 'repository') continue;
    for (const report of clock.lap(rule.id, () => rule.check(index, { options: ruleOptions, now }))) {
      const list = findingsByFile.get(report.file);
      if (list) list.push(toFinding(rule, report, severity));
    }
  }
  const sourceOf = sourceReader(index, options.overlay);
  for (const [path, findings] of findingsByFile) findingsByFile.set(path, findings.map((finding) => resolveFinding(finding, sourceOf)));
  const capSeverity = rules.find(({ rule }) => rule.id === TOO_MANY_FINDINGS)?.severity ?? null;
  const isShown = options.withDependents && (options.paths ?? []).length > 0 ? withDependents(index, isReported) : isReported;
  const isAffected = options.changedSince === undefined ? () => true : await affectedBy(options.changedSince, config, index);
  const inline = [...findingsByFile.entries()]
    .filter(([path]) => isShown(path) && isAffected(path))
    .map(([path, all]) => ({ path, ...suppressInline(index.byPath.get(path), all, rules) }));
  const bulk = applyBaseline(inline, config, index, options, notices);
  const judged = inline.map((file) => ({ ...file, bulk: applyBulkSuppressions(file.path, file.findings, bulk.suppressions, bulk.name) }));
  const results = clock.lap('report', () => judged.map(({ path, suppressed, bulk: outcome }) => {
    const sorted = outcome.kept.sort(compareFindings);
    const result = summarise(path, config.root, sorted, capFindings(sorted, config.limits.maxFindingsPerFile, capSeverity));
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
    stats: { files: files.length, fromCache: parsed.fromCache, workers: parsed.workers, timings: clock.timings },
    notices,
  };
}
