import type { FileResult } from '../engine/lint.js';
import type { Finding } from '../model.js';
import { joined, type ChunkFormatter } from './types.js';

/** Characters XML 1.0 cannot carry at all, not even escaped: C0 controls other than tab, LF, CR; lone surrogates; U+FFFE/U+FFFF. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Anything `escapeXml` changes; most text has none of it and is returned as it is, which a million findings notice. */
const NEEDS_ESCAPING = /[&<>"'\r\n\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Text safe inside an element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPING.test(text)) return text;
  return text
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // Attribute values would otherwise have their line breaks normalised to spaces.
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;');
}

const attributes = (values: Record<string, string | number>): string =>
  Object.entries(values).map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`).join('');

function failedCase(file: FileResult, finding: Finding): string {
  const { line, column } = finding.range;
  const level = finding.severity === 'error' ? 'Error' : 'Warning';
  const name = `${file.path}:${line}:${column} ${finding.ruleId}`;
  const body = `${level} - ${finding.message} (${finding.ruleId}) at ${file.path}:${line}:${column}`;
  return `    <testcase${attributes({ classname: file.path, name, time: 0 })}>\n`
    + `      <failure${attributes({ type: finding.severity === 'error' ? 'error' : 'warning', message: finding.message })}>${escapeXml(body)}</failure>\n`
    + '    </testcase>';
}

function* suite(file: FileResult): Generator<string> {
  const counts = { tests: Math.max(1, file.findings.length), failures: file.findings.length, errors: 0 };
  yield `  <testsuite${attributes({ name: file.path, ...counts, time: 0 })}>\n`;
  if (file.findings.length === 0) yield `    <testcase${attributes({ classname: file.path, name: file.path, time: 0 })}/>\n`;
  for (const finding of file.findings) yield `${failedCase(file, finding)}\n`;
  yield '  </testsuite>\n';
}

/**
 * JUnit XML for CI test-report views: a test suite per file, a failing test
 * case per finding (warnings included, as ESLint's junit format does), and one
 * passing case for a clean file so that it shows up as checked. Written one
 * test case at a time.
 */
export const junitChunks: ChunkFormatter = function* (result) {
  const tests = result.files.reduce((sum, file) => sum + Math.max(1, file.findings.length), 0);
  const failures = result.errorCount + result.warningCount;
  const totals = { name: 'aimslint', tests, failures, errors: 0, time: (result.durationMs / 1000).toFixed(3) };
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attributes(totals)}>\n`;
  for (const file of result.files) yield* suite(file);
  yield '</testsuites>\n';
};

export const junit = joined(junitChunks);
