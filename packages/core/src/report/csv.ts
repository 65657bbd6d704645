/**
 * The report as a spreadsheet for auditors: one row per Annex A control and
 * per framework item. RFC 4180: comma-separated, CRLF line ends, a field in
 * double quotes when it holds a comma, quote, CR or LF, quotes doubled.
 */
import { FRAMEWORK_LOOKS } from './frameworks-render.js';
import type { FrameworkItemCoverage } from './frameworks.js';
import { CONTROL_STATES, EVIDENCE_STATES } from './present.js';
import type { AimsReport, ControlCoverage } from './types.js';

export const CSV_HEADER = ['framework', 'id', 'title', 'applicability', 'justification', 'implementation', 'state', 'evidence'] as const;

/**
 * A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, or a tab
 * or CR that some strip before looking) starts with `'` instead: document text
 * is untrusted, and a formula in an auditor's spreadsheet can run commands or
 * send data away (CSV injection).
 */
export function spreadsheetSafe(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function quoted(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

const applicability = (applicable: boolean | undefined): string => (applicable === undefined ? '' : applicable ? 'applicable' : 'excluded');

function controlRow(catalog: string, control: ControlCoverage): string[] {
  const evidence = control.evidence.map((item) => `${item.text} (${EVIDENCE_STATES[item.state].word})`).join('; ');
  return [catalog, control.id, control.title, applicability(control.applicable), control.justification, control.implementation, CONTROL_STATES[control.state].word, evidence];
}

function itemRow(framework: string, item: FrameworkItemCoverage): string[] {
  const evidence = item.evidence
    .map((entry) => `${entry.id ?? entry.path} (${FRAMEWORK_LOOKS[entry.state].word}${entry.via === 'crosswalk' ? `, via ${entry.through.join(' ')}` : ''})`)
    .join('; ');
  return [framework, item.label, item.title, applicability(item.applicable), item.justification, item.implementation, FRAMEWORK_LOOKS[item.state].word, evidence];
}

/** The rows as cells, header first, every cell already safe for a spreadsheet: what a CSV parser must read back. */
export function csvRows(report: AimsReport): string[][] {
  const controls = report.objectives.flatMap((objective) => objective.controls).map((control) => controlRow(report.summary.catalog.name, control));
  // The catalog's own items are the SoA's controls above, with the SoA's words; the frameworks follow.
  const items = report.frameworks.filter((coverage) => coverage.kind === 'framework').flatMap((coverage) => coverage.items.map((item) => itemRow(coverage.name, item)));
  return [[...CSV_HEADER], ...[...controls, ...items].map((row) => row.map(spreadsheetSafe))];
}

export function renderReportCsv(report: AimsReport): string {
  return csvRows(report).map((row) => `${row.map(quoted).join(',')}\r\n`).join('');
}
