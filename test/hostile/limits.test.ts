/**
 * Limits: file size, YAML aliases, nesting, findings per file, and the run
 * time of every regular expression that runs on document text.
 */
import { closeSync, ftruncateSync, openSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '@aimslint/core';
import { decode } from '../../packages/core/src/parse/decode.js';
import { parseDocument } from '../../packages/core/src/parse/document.js';
import { splitFrontmatter } from '../../packages/core/src/parse/frontmatter.js';
import { idsInFrontmatter } from '../../packages/core/src/discover/changed-files.js';
import { findPlaceholders } from '../../packages/core/src/rules/content/placeholder.js';
import { isRealJustification } from '../../packages/core/src/index/queries.js';
import { capFindings } from '../../packages/core/src/rules/file/too-many-findings.js';
import { repositoryPathOf } from '../../packages/core/src/index/links.js';
import { soaStatementOf } from '../../packages/core/src/index/soa.js';
import { DOCUMENT_ID } from '../../packages/core/src/index/soa.js';
import { writeRepository } from '../../packages/core/src/testing/rule-tester.js';
import type { Finding } from '../../packages/core/src/model.js';
import { FAST_MS, NOW, lintFixture, pinned, timed } from './helpers.js';

const LIMITS = { maxAliases: 100, maxDepth: 64 };
const MB = 1024 * 1024;

describe('file size', () => {
  it('skips a 50 MB Markdown file unread, with a file/too-large warning', async () => {
    const root = writeRepository({ 'aimslint.config.json': '{}', 'docs/ok.md': '# fine\n' }); // docs/: a file in aims/ without frontmatter is a finding (schema/type-missing)
    try {
      // Sparse: 50 MB long, nothing written; reading it would take visible time and memory.
      const fd = openSync(join(root, 'docs/huge.md'), 'w');
      ftruncateSync(fd, 50 * MB);
      closeSync(fd);
      const started = performance.now();
      const result = await lint({ cwd: root, now: NOW });
      expect(performance.now() - started).toBeLessThan(FAST_MS);
      const huge = result.files.find((file) => file.path === 'docs/huge.md');
      expect(huge?.findings.map((f) => [f.ruleId, f.severity, f.range.line, f.range.column])).toEqual([['file/too-large', 'warn', 1, 1]]);
      expect(huge?.findings[0]?.message).toBe('This file is 50.0 MB, over the 5.0 MB limit (`limits.maxFileBytes`); it was skipped unread.');
      expect(result.errorCount).toBe(0);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('honours limits.maxFileBytes from the config', async () => {
    const root = writeRepository({ 'aimslint.config.json': '{"limits":{"maxFileBytes":100}}', 'aims/a.md': `# ${'x'.repeat(200)}\n` });
    try {
      const result = await lint({ cwd: root, now: NOW });
      expect(result.files[0]?.findings.map((f) => [f.ruleId, f.message])).toEqual([['file/too-large', 'This file is 203 bytes, over the 100 bytes limit (`limits.maxFileBytes`); it was skipped unread.']]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('YAML', () => {
  it('refuses a billion-laughs alias bomb at the opening line, fast', async () => {
    const started = performance.now();
    const { result } = await lintFixture('yaml-bombs');
    expect(performance.now() - started).toBeLessThan(2 * FAST_MS);
    const bomb = result.files.find((file) => file.path === 'aims/billion-laughs.md');
    expect(bomb?.findings.map((f) => [f.ruleId, f.range.line, f.range.column, f.message])).toEqual([
      ['frontmatter/syntax', 1, 1, 'The frontmatter expands YAML aliases (`*name`) more than 100 times; write the values out instead.'],
    ]);
  });

  it('refuses nesting deeper than limits.maxDepth, block and flow', async () => {
    const { result } = await lintFixture('yaml-bombs');
    expect(pinned(result, 'frontmatter/syntax').filter(([, file]) => file !== 'aims/billion-laughs.md')).toEqual([
      ['frontmatter/syntax', 'aims/deep-block.md', 1, 1],
      ['frontmatter/syntax', 'aims/deep-flow.md', 1, 1],
    ]);
    for (const file of ['aims/deep-block.md', 'aims/deep-flow.md']) {
      expect(result.files.find((f) => f.path === file)?.findings[0]?.message).toBe('The frontmatter nests deeper than 64 levels; flatten it.');
    }
  });

  it('limits.maxAliases and limits.maxDepth are configurable', () => {
    const yaml = '---\na: &a [1]\nb: [*a, *a, *a]\nc: [[[1]]]\n---\n';
    expect(splitFrontmatter(yaml, { maxAliases: 2, maxDepth: 64 }).problems[0]?.message).toContain('more than 2 times');
    expect(splitFrontmatter(yaml, { maxAliases: 100, maxDepth: 2 }).problems[0]?.message).toContain('deeper than 2 levels');
    expect(splitFrontmatter(yaml, { maxAliases: 100, maxDepth: 64 }).problems).toEqual([]);
  });

  const crafted: Record<string, string> = {
    'a megabyte of [': `a: ${'['.repeat(MB)}`,
    'a megabyte of {': `a: ${'{'.repeat(MB)}`,
    '5,000 levels of block mappings': Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'),
    '100,000 duplicate keys, with an anchor (the careful parser)': `z: &a 1\n${'a: 1\n'.repeat(100_000)}`,
    '100,000 distinct keys, with an anchor (the careful parser)': `z: &a 1\n${Array.from({ length: 100_000 }, (_, i) => `k${i}: ${i}`).join('\n')}`,
    'a 1 MB plain scalar of digits and underscores': `a: ${'1_'.repeat(MB / 2)}x`,
    'a 1 MB unclosed double-quoted scalar': `a: "${'\\"'.repeat(MB / 2)}`,
  };
  for (const [name, yaml] of Object.entries(crafted)) {
    it(`never hangs on ${name}`, () => {
      let problems: unknown[] = [];
      const ms = timed(() => {
        problems = splitFrontmatter(`---\n${yaml}\n---\n`, LIMITS).problems;
      });
      // The careful YAML parser is linear but runs at about 0.5-1 MB/s: these are the slowest inputs a 5 MB limit allows per MB.
      expect(ms).toBeLessThan(name.includes('careful') ? 6 * FAST_MS : FAST_MS);
      expect(Array.isArray(problems)).toBe(true);
    });
  }

  it('reports duplicate keys at each repeated key, as before the linear check', () => {
    const { problems } = splitFrontmatter('---\nz: &a 1\nid: A-1\nid: A-2\nm: {k: 1, k: 2}\n---\n', LIMITS);
    expect(problems.map((p) => [p.range.line, p.range.column, p.message])).toEqual([
      [4, 1, 'This key appears twice in the frontmatter; keep one of them.'],
      [5, 11, 'This key appears twice in the frontmatter; keep one of them.'],
    ]);
  });
});

describe('findings per file', () => {
  const finding = (line: number): Finding => ({ ruleId: 'schema/invalid', severity: 'error', message: `m${line}`, file: 'a.md', range: { line, column: 1, endLine: line, endColumn: 2 } });

  it('capFindings keeps the limit and adds one file/too-many-findings warning at the first finding left out', () => {
    const capped = capFindings(Array.from({ length: 10 }, (_, i) => finding(i + 1)), 3);
    expect(capped.map((f) => [f.ruleId, f.severity, f.range.line])).toEqual([
      ['schema/invalid', 'error', 1], ['schema/invalid', 'error', 2], ['schema/invalid', 'error', 3], ['file/too-many-findings', 'warn', 4],
    ]);
    expect(capped[3]?.message).toBe('7 more findings in this file are not shown (`limits.maxFindingsPerFile` is 3).');
    expect(capFindings([finding(1)], 3)).toEqual([finding(1)]);
    expect(capFindings(Array.from({ length: 5 }, (_, i) => finding(i + 1)), 3, null)).toHaveLength(3);
  });

  it('the engine caps a file with thousands of findings at limits.maxFindingsPerFile plus one summary', async () => {
    const links = Array.from({ length: 3000 }, (_, i) => `[x](missing-${i}.md)`).join('\n');
    const root = writeRepository({
      'aimslint.config.json': '{"limits":{"maxFindingsPerFile":50}}',
      'aims/policy.md': `---\ntype: procedure\n---\n# T\n\n${links}\n`,
    });
    try {
      const result = await lint({ cwd: root, now: NOW });
      const findings = result.files[0]?.findings ?? [];
      expect(findings).toHaveLength(51);
      expect(findings[50]?.message).toMatch(/^\d+ more findings in this file are not shown \(`limits.maxFindingsPerFile` is 50\)\.$/);
      expect(findings[50]?.severity).toBe('warn');
      expect(findings[50]?.ruleId).toBe('file/too-many-findings');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

/**
 * Every regular expression in packages/core/src that runs on document text,
 * driven through the function that runs it, on crafted inputs of 100 KB-1 MB
 * built to make a backtracking pattern go quadratic or worse.
 */
describe('regular expressions on document text stay linear', () => {
  const doc = (frontmatter: string, body = ''): Uint8Array => Buffer.from(`---\n${frontmatter}\n---\n${body}`);
  const parse = (bytes: Uint8Array) => parseDocument({ path: 'aims/x.md', bytes, limits: LIMITS });
  const cases: Record<string, () => unknown> = {
    // parse/frontmatter.ts
    'LANGUAGE_MARKER: `---` then 1 MB of blanks and a stray character': () => splitFrontmatter(`---${' \t'.repeat(MB / 2)}!\na: 1\n---\n`, LIMITS),
    'CLOSING_LINE: 20,000 lines of `---` + 50 blanks + x': () => splitFrontmatter(`---\n${`---${' '.repeat(50)}x\n`.repeat(20_000)}`, LIMITS),
    'NEEDS_CAREFUL_PARSE: 1 MB of separators without an anchor': () => splitFrontmatter(`---\na: "${', -:{['.repeat(MB / 6)}"\n---\n`, LIMITS),
    'first-value search: 1 MB of blanks before a scalar': () => splitFrontmatter(`---\n${' '.repeat(MB)}x\n---\n`, LIMITS),
    // parse/decode.ts
    'line endings: 1 MB of lone CR and CRLF': () => decode(Buffer.from('\r\r\n'.repeat(MB / 3))),
    // discover/changed-files.ts (fixed: these were quadratic)
    'idsInFrontmatter: 200,000 lines of BOM + `---`': () => idsInFrontmatter('\uFEFF---\n'.repeat(200_000)),
    'idsInFrontmatter: 1 MB of blank lines then a closing fence': () => idsInFrontmatter(`---\n${'\n'.repeat(MB)}---\n`),
    'idsInFrontmatter: 1 MB of `- ` and blanks': () => idsInFrontmatter(`---\n${'- \t'.repeat(MB / 3)}\n---\n`),
    // rules/content/placeholder.ts (the span check was quadratic: 40 s)
    'findPlaceholders: 1 MB of code spans and TODOs': () => findPlaceholders('`a` TODO '.repeat(MB / 9)),
    'findPlaceholders: `[insert ` then 1 MB without a closing bracket': () => findPlaceholders(`[insert ${'a'.repeat(MB)}`),
    'findPlaceholders: 1 MB of `<your ` openers': () => findPlaceholders('<your '.repeat(MB / 6)),
    'findPlaceholders: 100,000 fence-like lines': () => findPlaceholders('   ```x\n ~~~\n'.repeat(50_000)),
    'findPlaceholders: one backtick then 1 MB': () => findPlaceholders(`TODO \`${'a'.repeat(MB)}`),
    // rules/soa/exclusion-unjustified.ts
    'isRealJustification: 1 MB of dots and a letter': () => isRealJustification(`${'.'.repeat(MB)}x`),
    // index/soa.ts
    'DOCUMENT_ID: 1 MB of A-A-A… ending in a lower-case letter': () => DOCUMENT_ID.test(`${'A-'.repeat(MB / 2)}a`),
    'SoA table: DOCUMENT_ID_IN_TEXT and CONTROL_IN_TEXT on 200 KB cells': () => {
      const cell = 'A-'.repeat(50_000);
      const control = 'A.1'.repeat(30_000);
      return soaStatementOf(parse(doc('id: SOA-1\ntype: soa', `| Control | Applicable | Justification | Evidence |\n|---|---|---|---|\n| ${control} | yes | x | ${cell}a |\n`)));
    },
    // index/links.ts
    'repositoryPathOf: 1 MB scheme-like text and 1 MB of slashes': () => [repositoryPathOf('a.md', 'a'.repeat(MB)), repositoryPathOf('a.md', `${'/'.repeat(MB)}x`), repositoryPathOf('a.md', `C${':'.repeat(MB)}`)],
  };
  for (const [name, work] of Object.entries(cases)) {
    it(name, () => {
      expect(timed(work)).toBeLessThan(FAST_MS);
    });
  }

  it('the whole pipeline on a 1 MB body of pathological Markdown and headings', async () => {
    const heading = `## ${' \t'.repeat(100_000)}Intended use\n`;
    const root = writeRepository({
      'aimslint.config.json': '{}',
      'systems/model-card.md': `---\nid: MC-1\ntype: model-card\ntitle: T\nowner: ROLE-X\nstatus: approved\nversion: "1.0"\n---\n${heading}${'*a _b [c](d `e <f '.repeat(40_000)}\n`,
    });
    try {
      const started = performance.now();
      await lint({ cwd: root, now: NOW });
      expect(performance.now() - started).toBeLessThan(3 * FAST_MS);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

// Keep the imported helpers used even when a case above is skipped.
void mkdirSync;
void writeFileSync;
