import { buildReport, escapeMarkdown, escapeMarkdownKeepingCode, plural, renderReportMarkdown, visibleControls, type Finding, type FindingsResult, type LintResult } from '@aimslint/core';
import { ANNOTATIONS_PER_LEVEL, findingsByImportance, planAnnotations } from './annotations.js';

/** Rows of the findings table; the full list is in the SARIF report and the log. */
export const SUMMARY_FINDING_ROWS = 50;


/**
 * A value from the repository as code in a table cell: an HTML `<code>`
 * element holding escaped text, not a backtick span, which a backtick in the
 * value would close.
 */
const code = (text: string): string => `<code>${escapeMarkdown(visibleControls(text))}</code>`;

function countsLine(result: FindingsResult): string {
  const withFindings = result.files.filter((file) => file.findings.length > 0).length;
  if (result.errorCount + result.warningCount === 0) return `✅ No problems in ${plural(result.files.length, 'file')}.`;
  const icon = result.errorCount > 0 ? '❌' : '⚠️';
  return `${icon} **${plural(result.errorCount, 'error')}**, **${plural(result.warningCount, 'warning')}** in ${withFindings} of ${plural(result.files.length, 'file')}.`;
}

function annotationNote(result: FindingsResult): string | undefined {
  const { hiddenErrors, hiddenWarnings } = planAnnotations(result);
  if (hiddenErrors + hiddenWarnings === 0) return undefined;
  return `GitHub shows at most ${ANNOTATIONS_PER_LEVEL} error and ${ANNOTATIONS_PER_LEVEL} warning annotations per step: ${plural(hiddenErrors, 'more error')} and ${plural(hiddenWarnings, 'more warning')} are only listed here and in the log.`;
}

function findingRow(finding: Finding): string {
  const level = finding.severity === 'error' ? 'error' : 'warning';
  return `| ${level} | ${code(`${finding.file}:${finding.range.line}:${finding.range.column}`)} | ${code(finding.ruleId)} | ${escapeMarkdownKeepingCode(finding.message)} |`;
}

function findingsTable(result: FindingsResult): string[] {
  const findings = findingsByImportance(result);
  if (findings.length === 0) return [];
  const rows = findings.slice(0, SUMMARY_FINDING_ROWS).map(findingRow);
  const more = findings.length - rows.length;
  return [
    '## Findings',
    '',
    '| Severity | Location | Rule | Message |',
    '| --- | --- | --- | --- |',
    ...rows,
    ...(more > 0 ? ['', `… and ${plural(more, 'more finding')}, not shown.`] : []),
    '',
  ];
}

/**
 * The job summary as Markdown: the counts and the most important findings
 * for the reviewer of this change, then the AIMS report (readiness, SoA
 * coverage, gaps, inventory) that `aimslint report` writes; its links are
 * absolute under `linkBase` (see links.ts).
 */
export function buildSummary(result: LintResult, linkBase?: string): string {
  const note = annotationNote(result);
  return [
    '# aimslint',
    '',
    countsLine(result),
    '',
    ...(note ? [note, ''] : []),
    ...findingsTable(result),
    renderReportMarkdown(buildReport(result), linkBase === undefined ? {} : { linkBase }),
  ].join('\n');
}
