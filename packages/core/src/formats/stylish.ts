import { visibleControls } from '../util/escape.js';
import { joined, type ChunkFormatter } from './types.js';
import { plural } from '../util/words.js';
import { isRootCause } from '../rules/root-causes.js';
import type { FileResult } from '../engine/lint.js';

/** Files with a document that could not be read, parsed or typed come first: fixing those may clear the rest. Stable otherwise. */
const rootCausesFirst = (files: readonly FileResult[]): FileResult[] =>
  [...files].sort((a, b) => Number(!a.findings.some(isRootCause)) - Number(!b.findings.some(isRootCause)));

const ANSI = { red: 31, yellow: 33, dim: 2, bold: 1, underline: 4, green: 32 } as const;

type Paint = (style: keyof typeof ANSI, text: string) => string;

function painter(enabled: boolean): Paint {
  return (style, text) => (enabled ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
}

const levelOf = (severity: string): string => (severity === 'error' ? 'error' : 'warning');

/**
 * One file's block, a line per finding. File names and messages come from the
 * repository: their control characters are shown, never sent to the terminal.
 */
function* block(file: FileResult, paint: Paint): Generator<string> {
  const whereOf = (finding: FileResult['findings'][number]): string => `${finding.range.line}:${finding.range.column}`;
  let whereWidth = 0;
  let levelWidth = 0;
  for (const finding of file.findings) {
    whereWidth = Math.max(whereWidth, whereOf(finding).length);
    levelWidth = Math.max(levelWidth, levelOf(finding.severity).length);
  }
  yield paint('underline', visibleControls(file.path));
  for (const finding of file.findings) {
    const plainLevel = levelOf(finding.severity);
    const level = finding.severity === 'error' ? paint('red', 'error') : paint('yellow', 'warning');
    yield `\n  ${paint('dim', whereOf(finding).padEnd(whereWidth))}  ${level}${' '.repeat(levelWidth - plainLevel.length)}  ${visibleControls(finding.message)}  ${paint('dim', finding.ruleId)}`;
  }
}

/** ESLint's stylish layout: a block per file, a summary line at the end; written a line at a time. */
export const stylishChunks: ChunkFormatter = function* (result, { color }) {
  const paint = painter(color);
  const total = result.errorCount + result.warningCount;
  if (total === 0) return;
  yield '\n';
  let first = true;
  for (const file of rootCausesFirst(result.files)) {
    if (file.findings.length === 0) continue;
    if (!first) yield '\n\n';
    first = false;
    yield* block(file, paint);
  }
  const summary = `✖ ${plural(total, 'problem')} (${plural(result.errorCount, 'error')}, ${plural(result.warningCount, 'warning')})`;
  yield `\n\n${paint('bold', paint(result.errorCount > 0 ? 'red' : 'yellow', summary))}\n`;
};

export const stylish = joined(stylishChunks);
