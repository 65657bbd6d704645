import type { Formatter } from './types.js';
import { plural } from '../util/words.js';
import { isRootCause } from '../rules/root-causes.js';
import type { FileResult } from '../engine/lint.js';

/** Files with a document that could not be read, parsed or typed come first: fixing those may clear the rest. Stable otherwise. */
const rootCausesFirst = (files: readonly FileResult[]): FileResult[] =>
  [...files].sort((a, b) => Number(!a.findings.some(isRootCause)) - Number(!b.findings.some(isRootCause)));

const ANSI = { red: 31, yellow: 33, dim: 2, bold: 1, underline: 4, green: 32 } as const;

function painter(enabled: boolean) {
  return (style: keyof typeof ANSI, text: string): string => (enabled ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
}


/** ESLint's stylish layout: a block per file, a summary line at the end. */
export const stylish: Formatter = (result, { color }) => {
  const paint = painter(color);
  const blocks = rootCausesFirst(result.files)
    .filter((file) => file.findings.length > 0)
    .map((file) => {
      const rows = file.findings.map((finding) => {
        const where = `${finding.range.line}:${finding.range.column}`;
        const level = finding.severity === 'error' ? paint('red', 'error') : paint('yellow', 'warning');
        return { where, level, plainLevel: finding.severity === 'error' ? 'error' : 'warning', message: finding.message, rule: paint('dim', finding.ruleId) };
      });
      const whereWidth = Math.max(...rows.map((row) => row.where.length));
      const levelWidth = Math.max(...rows.map((row) => row.plainLevel.length));
      const lines = rows.map((row) => `  ${paint('dim', row.where.padEnd(whereWidth))}  ${row.level}${' '.repeat(levelWidth - row.plainLevel.length)}  ${row.message}  ${row.rule}`);
      return `${paint('underline', file.path)}\n${lines.join('\n')}`;
    });
  const total = result.errorCount + result.warningCount;
  if (total === 0) return '';
  const summary = `✖ ${plural(total, 'problem')} (${plural(result.errorCount, 'error')}, ${plural(result.warningCount, 'warning')})`;
  return `\n${blocks.join('\n\n')}\n\n${paint('bold', paint(result.errorCount > 0 ? 'red' : 'yellow', summary))}\n`;
};
