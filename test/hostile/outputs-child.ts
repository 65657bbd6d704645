/**
 * Run by outputs.test.ts in a child process with a 1 GiB heap (bundled by
 * esbuild): a LintResult with very many findings, built directly, is
 * streamed to files in the formats named on the command line. Prints one JSON
 * line: the resident memory after the result was built and the peak while
 * writing each format.
 */
import { join } from 'node:path';
import type { FileResult, LintResult } from '../../packages/core/src/engine/lint.js';
import { FORMAT_CHUNKS } from '../../packages/core/src/formats/index.js';
import type { Finding } from '../../packages/core/src/model.js';
import { emptyIndex, ruleFor } from '../../packages/core/src/testing/lint-result.js';
import { replaceFileAtomicallyFrom } from '../../packages/core/src/util/files.js';

const [outputDirectory = '.', total = '1200000', ...formats] = process.argv.slice(2);
const FILES = 12_000;
const perFile = Math.ceil(Number(total) / FILES);
const RULES = ['meta/required-field', 'link/broken', 'review/overdue'];

function fileResult(index: number): FileResult {
  const path = `aims/area-${index % 40}/record-${index}.md`;
  const findings: Finding[] = Array.from({ length: perFile }, (_, n) => ({
    ruleId: RULES[n % RULES.length]!,
    severity: n % 4 === 0 ? 'warn' : 'error',
    message: `The link to \`evidence-${n}.md\` does not resolve: no such file in the repository.`,
    file: path,
    range: { line: n + 1, column: 3, endLine: n + 1, endColumn: 20 },
  }));
  const errorCount = findings.filter((finding) => finding.severity === 'error').length;
  return { path, absolutePath: `/work/repo/${path}`, findings, errorCount, warningCount: findings.length - errorCount };
}

const files = Array.from({ length: FILES }, (_, index) => fileResult(index));
const result: LintResult = {
  root: '/work/repo',
  configFile: undefined,
  now: '2026-11-28',
  files,
  errorCount: files.reduce((sum, file) => sum + file.errorCount, 0),
  warningCount: files.reduce((sum, file) => sum + file.warningCount, 0),
  index: emptyIndex('/work/repo'),
  frameworks: [],
  rules: RULES.map((id) => ({ rule: ruleFor(id), severity: 'error', options: {} })),
  durationMs: 1,
  stats: { files: FILES, fromCache: 0, workers: 1, resultsReused: false, timings: {} },
  notices: [],
};

/** The chunks, passed on unchanged, with the resident memory sampled as they go. */
function* sampled(chunks: Iterable<string>, peak: { rss: number }): Generator<string> {
  let count = 0;
  for (const chunk of chunks) {
    if (++count % 50_000 === 0) peak.rss = Math.max(peak.rss, process.memoryUsage.rss());
    yield chunk;
  }
}

const built = process.memoryUsage.rss();
const peaks: Record<string, number> = {};
for (const format of formats) {
  const formatter = FORMAT_CHUNKS[format];
  if (!formatter) throw new Error(`unknown format ${format}`);
  const peak = { rss: built };
  replaceFileAtomicallyFrom(join(outputDirectory, `report.${format}`), sampled(formatter(result, { color: false, docsBaseUrl: 'https://example.test/rules', toolVersion: '1.0.0' }), peak));
  peaks[format] = peak.rss;
}
process.stdout.write(`${JSON.stringify({ findings: files.length * perFile, built, peaks })}\n`);
