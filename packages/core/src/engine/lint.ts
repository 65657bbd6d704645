import { realpathSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { getCatalog, catalogNames } from '../catalog/index.js';
import { loadConfig } from '../config/load.js';
import type { ResolvedConfig } from '../config/types.js';
import { discover, isInside, toPosix, type DiscoveredFile } from '../discover/discover.js';
import { UsageError } from '../errors.js';
import { buildIndex, type RepoIndex } from '../index/repo-index.js';
import { repositoryPathOf } from '../index/links.js';
import type { Finding, ParsedDocument, Severity, SeveritySetting } from '../model.js';
import { RULES } from '../rules/index.js';
import type { Rule } from '../rules/types.js';
import { SchemaRegistry } from '../schemas/registry.js';
import { compareFindings, optionsOf, severityOf, toFinding } from './findings.js';
import { processFile, type FileJobSettings, type FileOutcome } from './process-file.js';

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
  /** Report only these repository-relative paths (changed-files mode). */
  onlyPaths?: ReadonlySet<string>;
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
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

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
    if (!known.has(id)) throw new UsageError(`unknown rule "${id}" in ${config.file ?? 'the options'}; \`aimslint explain\` lists the rules`);
  }
  return RULES.flatMap((rule) => {
    const severity = severityOf(config.rules[rule.id], rule.defaultSeverity);
    return severity === 'off' ? [] : [{ rule, severity, options: optionsOf(config.rules[rule.id]) }];
  });
}

/** Files and folders that links point at and that are not parsed documents: stat each once. */
function existingLinkTargets(root: string, documents: readonly ParsedDocument[]): Set<string> {
  const byPath = new Set(documents.map((document) => document.path));
  const candidates = new Set<string>();
  for (const document of documents) {
    for (const link of document.links) {
      const target = repositoryPathOf(document.path, link.url);
      if (target && 'path' in target && !byPath.has(target.path)) candidates.add(target.path);
    }
  }
  const realRoot = realpathSync(root);
  const existing = new Set<string>();
  for (const candidate of candidates) {
    const absolute = resolve(root, candidate);
    try {
      statSync(absolute);
      if (isInside(realRoot, realpathSync(absolute))) existing.add(candidate);
    } catch {
      // Missing: link/broken reports it.
    }
  }
  return existing;
}

function reportedPaths(config: ResolvedConfig, cwd: string, paths: readonly string[]): ((path: string) => boolean) {
  if (paths.length === 0) return () => true;
  const prefixes = paths.map((path) => {
    const absolute = resolve(cwd, path);
    if (!isInside(config.root, absolute)) throw new UsageError(`${path} is outside the repository root ${config.root}`);
    return toPosix(relative(config.root, absolute));
  });
  return (path) => prefixes.some((prefix) => prefix === '' || path === prefix || path.startsWith(`${prefix}/`));
}

function summarise(path: string, root: string, findings: Finding[]): FileResult {
  const errorCount = findings.filter((finding) => finding.severity === 'error').length;
  return { path, absolutePath: resolve(root, path), findings, errorCount, warningCount: findings.length - errorCount };
}

/** Keep a file's findings within the limit, saying how many were left out. */
function capFindings(findings: Finding[], max: number): Finding[] {
  if (findings.length <= max) return findings;
  const kept = findings.slice(0, max);
  const last = kept[kept.length - 1];
  if (last) kept.push({ ...last, ruleId: last.ruleId, severity: 'warn', message: `${findings.length - max} more findings in this file are not shown (\`limits.maxFindingsPerFile\` is ${max}).`, hint: undefined, related: undefined });
  return kept;
}

export interface ParsePhase {
  parseFiles(files: readonly DiscoveredFile[], settings: FileJobSettings): Promise<FileOutcome[]>;
}

/** The default: parse on this thread. Workers and the cache plug in here. */
export const inProcessParsing = (customSchemas: Record<string, object>): ParsePhase => {
  const schemas = new SchemaRegistry(customSchemas);
  return { parseFiles: async (files, settings) => files.map((file) => processFile(file, settings, schemas)) };
};

/** Lint a repository: discover → parse → index → rules → findings. */
export async function lint(options: LintOptions, parsing?: ParsePhase): Promise<LintResult> {
  const started = performance.now();
  const now = validNow(options.now);
  const config = loadConfig({ cwd: options.cwd, paths: options.paths ?? [], configFile: options.configFile, ruleOverrides: options.ruleOverrides });
  const catalog = getCatalog(config.catalog);
  if (!catalog) throw new UsageError(`unknown catalog "${config.catalog}"; known: ${catalogNames().join(', ')}`);
  const rules = activeRules(config);
  const isReported = reportedPaths(config, options.cwd, options.paths ?? []);
  const files = await discover(config);
  const settings: FileJobSettings = {
    limits: config.limits,
    customSchemas: config.customSchemas,
    documentRules: rules.filter(({ rule }) => rule.kind === 'document').map(({ rule, severity, options: ruleOptions }) => ({ id: rule.id, severity, options: ruleOptions })),
  };
  const outcomes = await (parsing ?? inProcessParsing(config.customSchemas)).parseFiles(files, settings);
  const documents = outcomes.map((outcome) => outcome.document);
  const index = buildIndex({ root: config.root, documents, otherPaths: existingLinkTargets(config.root, documents), catalog });
  const findingsByFile = new Map<string, Finding[]>(outcomes.map((outcome) => [outcome.document.path, [...outcome.findings]]));
  for (const { rule, severity, options: ruleOptions } of rules) {
    if (rule.kind !== 'repository') continue;
    for (const report of rule.check(index, { options: ruleOptions, now })) {
      const list = findingsByFile.get(report.file);
      if (list) list.push(toFinding(rule, report, severity));
    }
  }
  const results = [...findingsByFile.entries()]
    .filter(([path]) => isReported(path) && (options.onlyPaths === undefined || options.onlyPaths.has(path)))
    .map(([path, findings]) => summarise(path, config.root, capFindings(findings.sort(compareFindings), config.limits.maxFindingsPerFile)));
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
  };
}
