import type { Finding } from '../model.js';
import type { FormatOptions, Formatter } from './types.js';
import { plural } from '../util/words.js';

/** Text for one GFM table cell: a pipe would end the cell, a line break the row. */
export function escapeTableCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n|\r/g, ' ');
}

/** A repository-relative path as a link target; `#L12` makes GitHub jump to the line. */
const lineLink = (file: string, line: number): string => `${file.split('/').map(encodeURIComponent).join('/')}#L${line}`;


function row(finding: Finding, options: FormatOptions): string {
  const where = `${finding.file}:${finding.range.line}`;
  const cells = [
    finding.severity === 'error' ? 'error' : 'warning',
    `[${escapeTableCell(where).replace(/[[\]]/g, '\\$&')}](${lineLink(finding.file, finding.range.line)})`,
    `[\`${finding.ruleId}\`](${options.docsBaseUrl}/${finding.ruleId}.md)`,
    escapeTableCell(finding.message),
  ];
  return `| ${cells.join(' | ')} |`;
}

/** A GitHub-flavoured Markdown report: counts, then one table row per finding. */
export const markdown: Formatter = (result, options) => {
  const findings = result.files.flatMap((file) => file.findings);
  const filesWithFindings = result.files.filter((file) => file.findings.length > 0).length;
  const heading = '# aimslint report\n';
  if (findings.length === 0) return `${heading}\nNo problems in ${plural(result.files.length, 'file')} (review dates judged against ${result.now}).\n`;
  const counts = `**${plural(result.errorCount, 'error')}**, **${plural(result.warningCount, 'warning')}** in ${filesWithFindings} of ${plural(result.files.length, 'file')} (review dates judged against ${result.now}).`;
  const table = ['| Severity | Location | Rule | Message |', '| --- | --- | --- | --- |', ...findings.map((finding) => row(finding, options))];
  return `${heading}\n${counts}\n\n${table.join('\n')}\n`;
};
