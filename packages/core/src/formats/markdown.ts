import type { Finding } from '../model.js';
import { escapeMarkdown, escapeMarkdownKeepingCode } from '../report/markdown.js';
import { visibleControls } from '../util/escape.js';
import { joined, type ChunkFormatter, type FormatOptions } from './types.js';
import { plural } from '../util/words.js';

/** Text for one GFM table cell: the report's Markdown escaping (one escaper for the medium). */
export { escapeMarkdown as escapeTableCell } from '../report/markdown.js';

/** A repository-relative path as a link target; `#L12` makes GitHub jump to the line. */
const lineLink = (file: string, line: number): string => `${file.split('/').map(encodeURIComponent).join('/')}#L${line}`;

/** File names and messages come from the repository: escaped for Markdown, their control characters shown. */
function row(finding: Finding, options: FormatOptions): string {
  const where = `${finding.file}:${finding.range.line}`;
  const cells = [
    finding.severity === 'error' ? 'error' : 'warning',
    `[${escapeMarkdown(visibleControls(where))}](${lineLink(finding.file, finding.range.line)})`,
    `[\`${finding.ruleId}\`](${options.docsBaseUrl}/${finding.ruleId}.md)`,
    escapeMarkdownKeepingCode(finding.message),
  ];
  return `| ${cells.join(' | ')} |`;
}

/** A GitHub-flavoured Markdown report: counts, then one table row per finding, written a row at a time. */
export const markdownChunks: ChunkFormatter = function* (result, options) {
  const filesWithFindings = result.files.filter((file) => file.findings.length > 0).length;
  const heading = '# aimslint report\n';
  if (filesWithFindings === 0) {
    yield `${heading}\nNo problems in ${plural(result.files.length, 'file')} (review dates judged against ${result.now}).\n`;
    return;
  }
  const counts = `**${plural(result.errorCount, 'error')}**, **${plural(result.warningCount, 'warning')}** in ${filesWithFindings} of ${plural(result.files.length, 'file')} (review dates judged against ${result.now}).`;
  yield `${heading}\n${counts}\n\n| Severity | Location | Rule | Message |\n| --- | --- | --- | --- |\n`;
  for (const file of result.files) {
    for (const finding of file.findings) yield `${row(finding, options)}\n`;
  }
};

export const markdown = joined(markdownChunks);
