import type { Finding } from '../model.js';
import type { Formatter } from './types.js';

/** GitHub's escaping of a workflow command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub's escaping of a property value, where `:` and `,` are separators. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One `::error` / `::warning` workflow command for a finding. */
export function workflowCommand(finding: Finding): string {
  const { range } = finding;
  const properties: [string, string][] = [['file', finding.file], ['line', String(range.line)], ['endLine', String(range.endLine)]];
  // GitHub accepts column ranges only within one line; across lines it would misplace the mark.
  if (range.line === range.endLine) properties.push(['col', String(range.column)], ['endColumn', String(range.endColumn)]);
  properties.push(['title', finding.ruleId]);
  const command = finding.severity === 'error' ? 'error' : 'warning';
  return `::${command} ${properties.map(([key, value]) => `${key}=${escapeProperty(value)}`).join(',')}::${escapeData(finding.message)}`;
}

/**
 * Workflow commands that GitHub Actions turns into annotations on the
 * changed lines. Paths are repository-relative: run aimslint from the
 * repository root (the workspace) so that GitHub finds the files.
 */
export const github: Formatter = (result) => {
  const lines = result.files.flatMap((file) => file.findings.map(workflowCommand));
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
};
