import type { FileResult, LintResult } from '../engine/lint.js';
import type { Finding } from '../model.js';
import type { SuppressedFinding } from '../engine/suppressions.js';
import { LazyArray, prettyJsonChunks } from '../util/chunks.js';
import { joined, type ChunkFormatter } from './types.js';

/** One finding as an ESLint message. */
function message(finding: Finding) {
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
  };
}

/** A suppressed finding as ESLint writes it in `suppressedMessages`: the message with how it was suppressed. */
const suppressedMessage = (finding: SuppressedFinding) => ({ ...message(finding), suppressions: finding.suppressions.map(({ kind, justification }) => ({ kind, justification })) });

function* messages(file: FileResult) {
  for (const finding of file.findings) yield message(finding);
}

function* files(result: LintResult) {
  for (const file of result.files) {
    yield {
      filePath: file.absolutePath,
      messages: new LazyArray(messages(file)),
      suppressedMessages: (file.suppressed ?? []).map(suppressedMessage),
      errorCount: file.errorCount,
      warningCount: file.warningCount,
      fatalErrorCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    };
  }
}

/** ESLint's result shape, so tools that read ESLint JSON read ours; made one finding at a time. */
export const jsonChunks: ChunkFormatter = (result) => prettyJsonChunks(new LazyArray(files(result)));

export const json = joined(jsonChunks);
