import { resolve } from 'node:path';
import type { Finding, Fix } from '../model.js';
import type { Formatter } from './types.js';

/** ESLint's `fix`; one that edits another file than the finding's names it (`filePath`), which ESLint's never need. */
function fixJson(fix: Fix, finding: Finding, root: string): Record<string, unknown> {
  return { range: fix.range, text: fix.text, ...(fix.file === finding.file ? {} : { filePath: resolve(root, fix.file) }) };
}

const fixableCount = (findings: readonly Finding[], severity: Finding['severity']): number =>
  findings.filter((finding) => finding.severity === severity && finding.fix !== undefined).length;

/** ESLint's result shape, so tools that read ESLint JSON read ours. */
export const json: Formatter = (result) =>
  JSON.stringify(
    result.files.map((file) => ({
      filePath: file.absolutePath,
      messages: file.findings.map((finding) => ({
        ruleId: finding.ruleId,
        severity: finding.severity === 'error' ? 2 : 1,
        message: finding.message,
        line: finding.range.line,
        column: finding.range.column,
        endLine: finding.range.endLine,
        endColumn: finding.range.endColumn,
        ...(finding.hint === undefined ? {} : { hint: finding.hint }),
        ...(finding.related === undefined ? {} : { related: finding.related.map((r) => ({ file: r.file, line: r.range.line, column: r.range.column, message: r.message })) }),
        ...(finding.fix === undefined ? {} : { fix: fixJson(finding.fix, finding, result.root) }),
        ...(finding.suggestions === undefined ? {} : { suggestions: finding.suggestions.map((s) => ({ desc: s.desc, fix: fixJson(s.fix, finding, result.root) })) }),
      })),
      errorCount: file.errorCount,
      warningCount: file.warningCount,
      fatalErrorCount: 0,
      fixableErrorCount: fixableCount(file.findings, 'error'),
      fixableWarningCount: fixableCount(file.findings, 'warn'),
      ...(file.output === undefined ? {} : { output: file.output }),
    })),
    null,
    2,
  ) + '\n';
