import type { Finding, LintResult } from '@aimslint/core';
import { ANNOTATIONS_PER_LEVEL, findingsByImportance, planAnnotations } from './annotations.js';

/** Rows of the findings table; the full list is in the SARIF report and the log. */
export const SUMMARY_FINDING_ROWS = 50;

type SoaStatement = LintResult['index']['soa'][number];
type SoaEntry = SoaStatement['frontmatterEntries'][number];

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Text for a GFM table cell: a pipe would end the cell, a line break the row. */
const cell = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n|\r/g, ' ');

function countsLine(result: LintResult): string {
  const withFindings = result.files.filter((file) => file.findings.length > 0).length;
  if (result.errorCount + result.warningCount === 0) return `✅ No problems in ${plural(result.files.length, 'file')}.`;
  const icon = result.errorCount > 0 ? '❌' : '⚠️';
  return `${icon} **${plural(result.errorCount, 'error')}**, **${plural(result.warningCount, 'warning')}** in ${withFindings} of ${plural(result.files.length, 'file')}.`;
}

function annotationNote(result: LintResult): string | undefined {
  const { hiddenErrors, hiddenWarnings } = planAnnotations(result);
  if (hiddenErrors + hiddenWarnings === 0) return undefined;
  return `GitHub shows at most ${ANNOTATIONS_PER_LEVEL} error and ${ANNOTATIONS_PER_LEVEL} warning annotations per step: ${plural(hiddenErrors, 'more error')} and ${plural(hiddenWarnings, 'more warning')} are only listed here and in the log.`;
}

function findingRow(finding: Finding): string {
  const level = finding.severity === 'error' ? 'error' : 'warning';
  return `| ${level} | \`${cell(`${finding.file}:${finding.range.line}:${finding.range.column}`)}\` | \`${finding.ruleId}\` | ${cell(finding.message)} |`;
}

function findingsTable(result: LintResult): string[] {
  const findings = findingsByImportance(result);
  if (findings.length === 0) return [];
  const rows = findings.slice(0, SUMMARY_FINDING_ROWS).map(findingRow);
  const more = findings.length - rows.length;
  return [
    '### Findings',
    '',
    '| Severity | Location | Rule | Message |',
    '| --- | --- | --- | --- |',
    ...rows,
    ...(more > 0 ? ['', `… and ${plural(more, 'more finding')}, not shown.`] : []),
    '',
  ];
}

/** The entries the SoA checks read: the frontmatter list when there is one, else the body table. */
const entriesOf = (statement: SoaStatement): SoaEntry[] =>
  statement.frontmatterEntries.length > 0 ? statement.frontmatterEntries : statement.tableEntries;

const applicability = (entry: SoaEntry): string => (entry.applicable === true ? 'applicable' : entry.applicable === false ? 'excluded' : `unclear (\`${cell(entry.applicableText)}\`)`);

function soaCoverage(result: LintResult, statement: SoaStatement): string[] {
  const entries = entriesOf(statement);
  const titles = new Map(result.index.catalog.objectives.flatMap((objective) => objective.controls.map((control) => [control.id, control.title])));
  const stated = new Set(entries.map((entry) => entry.control));
  const unstated = [...titles.keys()].filter((id) => !stated.has(id)).length;
  const applicable = entries.filter((entry) => entry.applicable === true);
  const withoutEvidence = applicable.filter((entry) => entry.evidence.length === 0).length;
  return [
    `### SoA coverage: \`${statement.document.path}\``,
    '',
    `${plural(entries.length, 'control')} stated of ${titles.size} in ${result.index.catalog.name}: ${applicable.length} applicable (${withoutEvidence} without evidence), ${entries.filter((entry) => entry.applicable === false).length} excluded, ${unstated} not stated.`,
    '',
    '<details><summary>Controls</summary>',
    '',
    '| Control | Title | Status | Evidence |',
    '| --- | --- | --- | ---: |',
    ...entries.map((entry) => `| ${cell(entry.control)} | ${cell(titles.get(entry.control) ?? '(not in the catalog)')} | ${applicability(entry)} | ${entry.evidence.length} |`),
    '',
    '</details>',
    '',
  ];
}

/**
 * The job summary as Markdown: counts, the most important findings, and the
 * SoA's coverage. A pure function of the result, so that a fuller report
 * module can replace it without touching the Action.
 */
export function buildSummary(result: LintResult): string {
  const note = annotationNote(result);
  return [
    '## aimslint',
    '',
    countsLine(result),
    '',
    ...(note ? [note, ''] : []),
    ...findingsTable(result),
    ...result.index.soa.flatMap((statement) => soaCoverage(result, statement)),
  ].join('\n');
}
