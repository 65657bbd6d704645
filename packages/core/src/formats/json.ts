import type { Finding } from '../model.js';
import type { SuppressedFinding } from '../engine/suppressions.js';
import type { Formatter } from './types.js';

/** One finding as an ESLint message. */
const message = (finding: Finding) => ({
  ruleId: finding.ruleId,
  severity: finding.severity === 'error' ? 2 : 1,
  message: finding.message,
  line: finding.range.line,
  column: finding.range.column,
  endLine: finding.range.endLine,
  endColumn: finding.range.endColumn,
  ...(finding.hint === undefined ? {} : { hint: finding.hint }),
  ...(finding.related === undefined ? {} : { related: finding.related.map((r) => ({ file: r.file, line: r.range.line, column: r.range.column, message: r.message })) }),
});

/** A suppressed finding as ESLint writes it in `suppressedMessages`: the message with how it was suppressed. */
const suppressedMessage = (finding: SuppressedFinding) => ({ ...message(finding), suppressions: finding.suppressions.map(({ kind, justification }) => ({ kind, justification })) });

/** ESLint's result shape, so tools that read ESLint JSON read ours. */
export const json: Formatter = (result) =>
  JSON.stringify(
    result.files.map((file) => ({
      filePath: file.absolutePath,
      messages: file.findings.map(message),
      suppressedMessages: (file.suppressed ?? []).map(suppressedMessage),
      errorCount: file.errorCount,
      warningCount: file.warningCount,
      fatalErrorCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    })),
    null,
    2,
  ) + '\n';
