import { resolve } from 'node:path';
import type { FindingsResult } from '../engine/lint.js';
import type { Finding, Fix } from '../model.js';
import type { SuppressedFinding } from '../engine/suppressions.js';
import { LazyArray, prettyJsonChunks } from '../util/chunks.js';
import { joined, type ChunkFormatter } from './types.js';

/** ESLint's `fix`; one that edits another file than the finding's names it (`filePath`), which ESLint's never need. */
function fixJson(fix: Fix, finding: Finding, root: string): Record<string, unknown> {
  return { range: fix.range, text: fix.text, ...(fix.file === finding.file ? {} : { filePath: resolve(root, fix.file) }) };
}

const fixableCount = (findings: readonly Finding[], severity: Finding['severity']): number =>
  findings.filter((finding) => finding.severity === severity && finding.fix !== undefined).length;

/** One finding as an ESLint message. */
function message(finding: Finding, root: string) {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity === 'error' ? 2 : 1,
    message: finding.message,
    line: finding.range.line,
    column: finding.range.column,
    endLine: finding.range.endLine,
    endColumn: finding.range.endColumn,
    ...(finding.hint === undefined ? {} : { hint: finding.hint }),
    ...(finding.related === undefined ? {} : { related: finding.related.map((r) => ({ file: r.file, line: r.range.line, column: r.range.column, message: r.message })) }),
    ...(finding.fix === undefined ? {} : { fix: fixJson(finding.fix, finding, root) }),
    ...(finding.suggestions === undefined ? {} : { suggestions: finding.suggestions.map((s) => ({ desc: s.desc, fix: fixJson(s.fix, finding, root) })) }),
  };
}

/** A suppressed finding as ESLint writes it in `suppressedMessages`: the message with how it was suppressed. */
const suppressedMessage = (finding: SuppressedFinding, root: string) => ({ ...message(finding, root), suppressions: finding.suppressions.map(({ kind, justification }) => ({ kind, justification })) });

function* files(result: FindingsResult) {
  for (const file of result.files) {
    yield {
      filePath: file.absolutePath,
      // A file's messages are few (limits.maxFindingsPerFile): one array, stringified with its file in one call, is
      // several times faster than a chunk per message; the files themselves come one at a time.
      messages: file.findings.map((finding) => message(finding, result.root)),
      suppressedMessages: (file.suppressed ?? []).map((finding) => suppressedMessage(finding, result.root)),
      errorCount: file.errorCount,
      warningCount: file.warningCount,
      fatalErrorCount: 0,
      fixableErrorCount: fixableCount(file.findings, 'error'),
      fixableWarningCount: fixableCount(file.findings, 'warn'),
      ...(file.output === undefined ? {} : { output: file.output }),
    };
  }
}

/** ESLint's result shape, so tools that read ESLint JSON read ours; made one finding at a time. */
export const jsonChunks: ChunkFormatter = (result) => prettyJsonChunks(new LazyArray(files(result)));

export const json = joined(jsonChunks);
