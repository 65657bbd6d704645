import type { Finding } from '../model.js';
import { visibleControls } from '../util/escape.js';
import { joined, pathFor, type ChunkFormatter } from './types.js';

/**
 * GitHub's escaping of a workflow command's message: with CR and LF encoded,
 * no text from the repository can end the command and start another. The
 * other control characters (ESC, C1, the Unicode line separators), which
 * GitHub passes through to the log, are shown instead.
 */
export function escapeData(text: string): string {
  return visibleControls(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** GitHub's escaping of a property value, where `:` and `,` are separators. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One `::error` / `::warning` workflow command for a finding. */
export function workflowCommand(finding: Finding, file: string = finding.file): string {
  const { range } = finding;
  const properties: [string, string][] = [['file', file], ['line', String(range.line)], ['endLine', String(range.endLine)]];
  // GitHub accepts column ranges only within one line; across lines it would misplace the mark.
  if (range.line === range.endLine) properties.push(['col', String(range.column)], ['endColumn', String(range.endColumn)]);
  properties.push(['title', finding.ruleId]);
  const command = finding.severity === 'error' ? 'error' : 'warning';
  return `::${command} ${properties.map(([key, value]) => `${key}=${escapeProperty(value)}`).join(',')}::${escapeData(finding.message)}`;
}

/**
 * Workflow commands that GitHub Actions turns into annotations on the
 * changed lines. Paths are relative to `pathBase` (the CLI passes the folder
 * it runs in, the workspace in a workflow), so GitHub finds the files even
 * when the AIMS lives in a subfolder.
 */
export const githubChunks: ChunkFormatter = function* (result, options) {
  for (const file of result.files) {
    for (const finding of file.findings) yield `${workflowCommand(finding, pathFor(result, options, finding.file))}\n`;
  }
};

export const github = joined(githubChunks);
