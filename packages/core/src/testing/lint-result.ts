import { getCatalog } from '../catalog/index.js';
import type { ActiveRule, FileResult, LintResult } from '../engine/lint.js';
import { buildIndex, type RepoIndex } from '../index/repo-index.js';
import type { Finding, SourceRange } from '../model.js';
import { ruleById } from '../rules/index.js';
import { defineRepositoryRule, type Rule } from '../rules/types.js';

/** A range on one line, for hand-written findings. */
export const at = (line: number, column: number, endColumn = column + 5): SourceRange => ({ line, column, endLine: line, endColumn });

/** An empty index: formatters that do not read it need no parsed documents. */
export function emptyIndex(root: string): RepoIndex {
  const catalog = getCatalog('iso42001:2023');
  if (!catalog) throw new Error('the iso42001:2023 catalog is missing');
  return buildIndex({ root, documents: [], pathExists: () => false, catalog });
}

/** A rule by id: the real one when it exists, else a stand-in with the same shape (rules still being written). */
export function ruleFor(id: string, serves: string[] = ['A.6.2.8']): Rule {
  return ruleById(id) ?? defineRepositoryRule({ id, defaultSeverity: 'error', description: `Stand-in for ${id}.`, serves, messages: {}, check: () => [] });
}

/** A LintResult built from findings alone, with counts and per-file results as the engine makes them. */
export function lintResultOf(input: { root?: string; paths: string[]; findings: Finding[]; rules?: ActiveRule[] }): LintResult {
  const root = input.root ?? '/repo';
  const files: FileResult[] = input.paths.map((path) => {
    const findings = input.findings.filter((finding) => finding.file === path);
    const errorCount = findings.filter((finding) => finding.severity === 'error').length;
    return { path, absolutePath: `${root}/${path}`, findings, errorCount, warningCount: findings.length - errorCount };
  });
  const ruleIds = [...new Set(input.findings.map((finding) => finding.ruleId))];
  return {
    root,
    configFile: undefined,
    now: '2026-06-01',
    files,
    errorCount: files.reduce((sum, file) => sum + file.errorCount, 0),
    warningCount: files.reduce((sum, file) => sum + file.warningCount, 0),
    index: emptyIndex(root),
    frameworks: [],
    rules: input.rules ?? ruleIds.map((id) => ({ rule: ruleFor(id), severity: 'error', options: {} })),
    durationMs: 12,
    stats: { files: files.length, fromCache: 0, workers: 1, resultsReused: false, timings: {} },
    notices: [],
  };
}
