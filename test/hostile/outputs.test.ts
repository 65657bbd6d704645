/**
 * Case 5 of the hostile-input review: 1.2 million findings. The formats used
 * to build one string, and SARIF and JUnit died with `RangeError: Invalid
 * string length` (JSON needed gigabytes). Now they stream: a child process
 * with a 1 GiB heap, so that a regression crashes instead of passing, writes
 * SARIF, JUnit and JSON for a LintResult built directly (no linting), and the
 * files are checked by a streaming scan.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, lstatSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { replaceFileAtomicallyFrom } from '../../packages/core/src/util/files.js';
import { REPO, listFiles } from './helpers.js';

const FINDINGS = 1_200_000;
const MiB = 1024 * 1024;
/** What writing may add to the memory the result itself takes: chunks in flight and garbage not yet collected, never the output. */
const GROWTH_BOUND = 256 * MiB;

/** Occurrences of `pattern` in a file, read a megabyte at a time. */
function countIn(path: string, pattern: string): number {
  const needle = Buffer.from(pattern);
  const buffer = Buffer.alloc(MiB + needle.length);
  const fd = openSync(path, 'r');
  let count = 0;
  let carried = 0;
  try {
    for (;;) {
      const read = readSync(fd, buffer, carried, MiB, null);
      const end = carried + read;
      for (let at = buffer.indexOf(needle); at !== -1 && at + needle.length <= end; at = buffer.indexOf(needle, at + needle.length)) count += 1;
      if (read === 0) return count;
      // Keep the tail that could be the start of a match cut by the read.
      carried = Math.min(needle.length - 1, end);
      buffer.copy(buffer, 0, end - carried, end);
      buffer.fill(0, carried);
    }
  } finally {
    closeSync(fd);
  }
}

/** The first `length` bytes and the last `length` bytes of a file. */
function ends(path: string, length = 64 * 1024): { head: string; tail: string } {
  const size = statSync(path).size;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(length, size));
    const tail = Buffer.alloc(Math.min(length, size));
    readSync(fd, head, 0, head.length, 0);
    readSync(fd, tail, 0, tail.length, size - tail.length);
    return { head: head.toString('utf8'), tail: tail.toString('utf8') };
  } finally {
    closeSync(fd);
  }
}

interface ChildReport {
  findings: number;
  built: number;
  peaks: Record<string, number>;
}

describe('1.2 million findings stream to files in a 1 GiB heap', () => {
  let folder: string;
  let report: ChildReport;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'aimslint-outputs-'));
    const child = join(folder, 'child.mjs');
    await build({
      entryPoints: [join(REPO, 'test/hostile/outputs-child.ts')],
      outfile: child,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      logLevel: 'warning',
      banner: { js: "import { createRequire as __aimslintCreateRequire } from 'node:module'; const require = __aimslintCreateRequire(import.meta.url);" },
    });
    const run = spawnSync(process.execPath, ['--max-old-space-size=1024', child, folder, String(FINDINGS), 'sarif', 'junit', 'json'], { encoding: 'utf8', timeout: 540_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    report = JSON.parse(run.stdout) as ChildReport;
  }, 600_000);

  afterAll(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('keeps the memory the writing adds bounded, for each format', () => {
    expect(report.findings).toBe(FINDINGS);
    for (const format of ['sarif', 'junit', 'json']) expect(report.peaks[format]! - report.built, format).toBeLessThan(GROWTH_BOUND);
  });

  it('writes SARIF with every result, whole and parseable at both ends', () => {
    const path = join(folder, 'report.sarif');
    expect(countIn(path, '"ruleId": "')).toBe(FINDINGS);
    const { head, tail } = ends(path);
    const start = head.indexOf('"results": [\n') + '"results": ['.length;
    const first = JSON.parse(head.slice(start, head.indexOf('\n        }', start) + '\n        }'.length)) as { ruleId: string; partialFingerprints: Record<string, string> };
    expect(first.ruleId).toBe('meta/required-field');
    expect(first.partialFingerprints['aimslintFindingHash/v1']).toMatch(/^[0-9a-f]{64}:1$/);
    expect(head.startsWith('{\n  "$schema": ')).toBe(true);
    expect(tail.endsWith('\n        }\n      ]\n    }\n  ]\n}\n')).toBe(true);
  });

  it('writes JUnit with a test case per finding and the totals up front', () => {
    const path = join(folder, 'report.junit');
    expect(countIn(path, '<failure ')).toBe(FINDINGS);
    const { head, tail } = ends(path);
    expect(head).toContain(`<testsuites name="aimslint" tests="${FINDINGS}" failures="${FINDINGS}" errors="0"`);
    expect(tail.endsWith('  </testsuite>\n</testsuites>\n')).toBe(true);
  });

  it('writes ESLint JSON with every message', () => {
    const path = join(folder, 'report.json');
    expect(countIn(path, '"ruleId": "')).toBe(FINDINGS);
    const { head, tail } = ends(path);
    expect(head.startsWith('[\n  {\n    "filePath": "/work/repo/aims/area-0/record-0.md",\n    "messages": [\n      {\n        "ruleId": "meta/required-field",')).toBe(true);
    expect(tail.endsWith('    "fixableWarningCount": 0\n  }\n]\n')).toBe(true);
  });
});

describe('replaceFileAtomicallyFrom', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'aimslint-streamed-write-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes text and byte chunks in order and leaves no temporary file', () => {
    const target = join(root, 'report.json');
    writeFileSync(target, 'old');
    replaceFileAtomicallyFrom(target, ['{"a":', Buffer.from('1'), '}\n']);
    expect(readFileSync(target, 'utf8')).toBe('{"a":1}\n');
    expect(listFiles(root)).toEqual(['report.json']);
  });

  it('replaces a link at the target with a file: the file the link points to is not written', () => {
    const outside = join(root, 'outside.txt');
    writeFileSync(outside, 'precious');
    mkdirSync(join(root, 'repo'));
    const target = join(root, 'repo/aimslint.sarif');
    symlinkSync(outside, target);
    replaceFileAtomicallyFrom(target, ['{}\n']);
    expect(readFileSync(outside, 'utf8')).toBe('precious');
    expect(lstatSync(target).isSymbolicLink()).toBe(false);
    expect(readFileSync(target, 'utf8')).toBe('{}\n');
  });

  it('keeps the old file and removes the temporary one when making the chunks fails half-way', () => {
    const target = join(root, 'report.json');
    writeFileSync(target, 'old');
    function* failing() {
      yield 'x'.repeat(100_000);
      throw new Error('the formatter failed');
    }
    expect(() => replaceFileAtomicallyFrom(target, failing())).toThrow('the formatter failed');
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(listFiles(root)).toEqual(['report.json']);
  });

  it('names the target, not the temporary file, when it cannot write', () => {
    const target = join(root, 'missing/report.json');
    expect(() => replaceFileAtomicallyFrom(target, ['{}'])).toThrow(/ENOENT.*missing\/report\.json'?$/);
    expect(() => replaceFileAtomicallyFrom(target, ['{}'])).not.toThrow(/\.tmp/);
  });
});
