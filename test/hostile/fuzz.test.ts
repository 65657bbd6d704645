/**
 * Property-based and fuzz tests: generated frontmatter and Markdown, the Hugging
 * Face dataset-card corpus, and mutated copies of examples/acme. The engine
 * never throws, every position lies inside its file, and the order in which
 * files are read changes nothing.
 *
 * A fixed seed and a small budget keep CI fast; a longer run:
 *   AIMSLINT_FUZZ_RUNS=5000 pnpm exec vitest run test/hostile
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fc, parseYamlDocument } from '../../packages/core/src/testing/fuzz.js';
import { describe, expect, it } from 'vitest';
import { lint, loadConfig, type LintResult } from '@aimslint/core';
import { discover } from '../../packages/core/src/discover/discover.js';
import { processFile, type FileJobSettings } from '../../packages/core/src/engine/process-file.js';
import { parseDocument } from '../../packages/core/src/parse/document.js';
import { SchemaRegistry } from '../../packages/core/src/schemas/registry.js';
import { RULES } from '../../packages/core/src/rules/index.js';
import type { SourceRange } from '../../packages/core/src/model.js';
import { writeRepository } from '../../packages/core/src/testing/rule-tester.js';
import { EXAMPLES_ACME, NOW } from './helpers.js';

/** The plain-language YAML messages of parse/yaml-hints.ts. */
const PLAIN_HINT = /needs a space after the colon|which YAML reads as the start of another key|This list item/;

const RUNS = Number(process.env['AIMSLINT_FUZZ_RUNS'] ?? 40);
const SEED = Number(process.env['AIMSLINT_FUZZ_SEED'] ?? 42);
/** Whole-repository runs cost ~20-50 ms each: a tenth of the budget. */
const REPO_RUNS = Math.max(5, Math.ceil(RUNS / 10));
const LIMITS = { maxAliases: 100, maxDepth: 64 };
const CORPUS = '/work/shared/corpora/hf-dataset-cards';

// ---------- generators ----------

const YAML_LINES = [
  'id: POL-001', 'type: ai-policy', 'type: soa', 'type: roles', 'title: T', 'owner: ROLE-X', 'status: approved', 'version: "1.0"',
  '__proto__: {polluted: yes}', 'constructor: x', 'prototype: [1]', 'roles:', '  - id: ROLE-X', '    holders: [A]', 'entries:',
  '  - control: A.2.2', '    applicable: true', '    evidence: ["a.md#x", POL-001]', 'controls: [A.2.2, A.9.9', 'k: {a: 1, a: 2}',
  'a: &x [1, 2]', 'b: *x', 'c: *missing', '!!js/function f', 'd: !!binary AAAA', '<<: *x', '? complex', ': v', '# comment', '\t- tab',
  'e: "unterminated', "f: 'it''s'", 'g: |', '  block', 'h: >-', '  folded', '...', 'next_review: 2020-01-01', 'approved_on: 2026-02-30',
];
const MD_LINES = [
  '# Heading', '## Intended use', '### Déjà vu 😀', 'Setext', '===', '---', '[link](a.md#heading)', '[up](../../x.md)', '[abs](/etc/passwd)',
  '[file](file:///etc/passwd)', '![img](i.png)', '<a name="anchor"></a>', '<!-- comment', '-->', '```', '~~~yaml', '| Control | Applicable | Justification | Evidence |',
  '|---|---|---|---|', '| A.2.2 | yes | x | [e](b.md) POL-001 |', '| A.10.4 | no | N/A | |', '> quote', '- item', '  1. nested', '[ref]: target.md', '[ref]',
  'TODO TBD lorem ipsum', '`code [x](y)`', '*emphasis _mixed*_', '\\[escaped](x)', '<https://example.com>', '\t\tindented', '',
];
const EOLS = ['\n', '\r\n', '\r'];

const line = (pool: string[]) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }) });

/** A document: optional BOM, optional frontmatter (maybe another language, maybe unclosed), a body, one line-ending style or a mix. */
const documentText = fc.record({
  bom: fc.boolean(),
  opening: fc.constantFrom('---', '---', '---', '---yaml', '---js', '--- ', ''),
  yaml: fc.array(line(YAML_LINES), { maxLength: 25 }),
  closed: fc.constantFrom(true, true, true, false),
  body: fc.array(line(MD_LINES), { maxLength: 40 }),
  eol: fc.constantFrom(...EOLS, 'mixed'),
  eolSeed: fc.array(fc.constantFrom(...EOLS), { minLength: 1, maxLength: 8 }),
}).map(({ bom, opening, yaml, closed, body, eol, eolSeed }) => {
  const lines = opening === '' ? body : [opening, ...yaml, ...(closed ? ['---'] : []), ...body];
  const text = lines.map((l, i) => l + (eol === 'mixed' ? (eolSeed[i % eolSeed.length] ?? '\n') : eol)).join('');
  return (bom ? '\uFEFF' : '') + text;
});

/** Bytes: the text, sometimes with a few bytes flipped (invalid UTF-8, NULs, stray CRs). */
const documentBytes = fc.tuple(documentText, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 3 })).map(([text, flips]) => {
  const bytes = Buffer.from(text);
  for (const [at, value] of flips) if (bytes.length > 0) bytes[at % bytes.length] = value;
  return bytes;
});

// ---------- checks ----------

function expectInside(range: SourceRange, lineCount: number, where: string): void {
  const ok = range.line >= 1 && range.column >= 1 && range.endLine >= range.line && range.endLine <= lineCount && range.endColumn >= 1
    && (range.endLine > range.line || range.endColumn >= range.column);
  if (!ok) throw new Error(`${where}: range ${JSON.stringify(range)} is outside a file of ${lineCount} lines`);
}

/** Every finding, and every related location, lies inside its file. */
function expectPositionsInside(result: LintResult): void {
  const lineCount = (path: string) => result.index.byPath.get(path)?.lineCount ?? 1;
  for (const file of result.files) {
    for (const finding of file.findings) {
      expectInside(finding.range, lineCount(finding.file), `${finding.ruleId} in ${finding.file}`);
      for (const related of finding.related ?? []) expectInside(related.range, lineCount(related.file), `related of ${finding.ruleId}`);
    }
  }
}

const findingsOf = (result: LintResult) => result.files.map((file) => [file.path, file.findings]);

// ---------- properties ----------

describe('generated documents', () => {
  it('parsing never throws and every problem, heading, link and cell lies inside the file', () => {
    fc.assert(fc.property(documentBytes, (bytes) => {
      const document = parseDocument({ path: 'aims/x.md', bytes, limits: LIMITS, governance: true });
      const lines = document.lineCount;
      for (const problem of document.problems) expectInside(problem.range, lines, problem.ruleId);
      for (const heading of document.headings) expectInside(heading.range, lines, 'heading');
      for (const link of document.links) expectInside(link.range, lines, 'link');
      for (const table of document.tables) for (const cell of [...table.header, ...table.rows.flat()]) expectInside(cell.range, lines, 'cell');
      if (document.frontmatter) expectInside(document.frontmatter.range, lines, 'frontmatter');
    }), { seed: SEED, numRuns: RUNS * 10 });
  });

  it('whole repositories: lint never throws, positions lie inside their files, and file order changes nothing', async () => {
    const repository = fc.uniqueArray(fc.tuple(fc.constantFrom('aims/a.md', 'aims/b.md', 'aims/soa.md', 'systems/c.md', 'd.md', 'aims/e.markdown'), documentBytes), { minLength: 1, maxLength: 5, selector: ([path]) => path });
    await fc.assert(fc.asyncProperty(repository, fc.integer(), async (files, shuffleSeed) => {
      const root = writeRepository({ 'aimslint.config.json': '{"governance":["aims","systems"]}' });
      try {
        for (const [path, bytes] of files) {
          const absolute = join(root, path);
          writeBytes(absolute, bytes);
        }
        const result = await lint({ cwd: root, now: NOW });
        expectPositionsInside(result);
        // Read the same files in another order, through the same schema registry: the same outcomes.
        const config = loadConfig({ cwd: root, paths: [] });
        const discovered = await discover(config);
        const settings: FileJobSettings = {
          limits: config.limits,
          customSchemas: {},
          documentRules: RULES.filter((rule) => rule.kind === 'document').map((rule) => ({ id: rule.id, severity: 'error' as const, options: {} })),
        };
        const registry = new SchemaRegistry();
        const inOrder = discovered.map((file) => processFile(file, settings, registry));
        const shuffled = [...discovered].sort((a, b) => hash(a.path, shuffleSeed) - hash(b.path, shuffleSeed));
        const otherRegistry = new SchemaRegistry();
        const outOfOrder = new Map(shuffled.map((file) => [file.path, processFile(file, settings, otherRegistry)]));
        expect(inOrder.map((outcome) => outcome.findings)).toEqual(inOrder.map((outcome) => outOfOrder.get(outcome.document.path)?.findings));
        const again = await lint({ cwd: root, now: NOW });
        expect(findingsOf(again)).toEqual(findingsOf(result));
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    }), { seed: SEED, numRuns: REPO_RUNS });
  });
});

function writeBytes(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
}

function hash(text: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x9e3779b1);
  return h;
}

// ---------- the dataset-card corpus ----------

describe.skipIf(!existsSync(CORPUS))('Hugging Face dataset cards (a permissive type for every card)', () => {
  it('parses every card without crashing, positions inside each file, YAML errors exactly where `yaml` puts them', async () => {
    const root = mkdtempSync(join(tmpdir(), 'aimslint-cards-'));
    try {
      cpSync(CORPUS, root, { recursive: true });
      // Real cards parse clean; break a share of them so YAML error positions are checked too (some with CRLF and a BOM).
      const readmes = (readdirSync(root, { recursive: true }) as string[]).filter((path) => path.endsWith('README.md')).sort();
      readmes.forEach((path, i) => {
        if (i % 5 !== 0) return;
        const lines = readFileSync(join(root, path), 'utf8').split('\n');
        if (lines[0] !== '---' || lines.length < 6) return;
        if (i % 10 === 0) lines.splice(3, 0, 'zz_broken: [unclosed, list');
        else lines.splice(2, 0, lines[1] ?? '');
        const text = lines.join('\n');
        writeFileSync(join(root, path), i % 15 === 0 ? `\uFEFF${text.replace(/\n/g, '\r\n')}` : text);
      });
      writeFileSync(join(root, 'permissive.schema.json'), '{"type":"object"}');
      writeFileSync(join(root, 'aimslint.config.json'), JSON.stringify({ types: { card: 'permissive.schema.json' }, assign: [{ files: '**/README.md', type: 'card' }] }));
      const result = await lint({ cwd: root, now: NOW });
      expectPositionsInside(result);
      const cards = result.files.filter((file) => file.path.endsWith('/README.md'));
      let yamlErrorCards = 0;
      expect(cards.length).toBeGreaterThanOrEqual(489);
      expect(cards.every((file) => result.index.byPath.get(file.path)?.type === 'card')).toBe(true);
      // YAML errors: the position `yaml` itself reports, shifted by the opening `---`.
      for (const file of cards) {
        const syntax = file.findings.filter((f) => f.ruleId === 'frontmatter/syntax' && !f.message.includes('twice'));
        const duplicates = file.findings.filter((f) => f.ruleId === 'frontmatter/syntax' && f.message.includes('twice'));
        if (syntax.length === 0 && duplicates.length === 0) continue;
        yamlErrorCards++;
        const text = readFileSync(join(root, file.path), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
        const yaml = text.slice(4, text.indexOf('\n---', 3) + 1);
        const lines = text.split('\n');
        // Repeated keys: as many as yaml's own (quadratic) check finds, each at the key itself (yaml puts it at the end of
        // the line before when the first key's value is empty).
        const yamlDuplicates = parseYamlDocument(yaml, { version: '1.2', schema: 'core', uniqueKeys: true }).errors.filter((e) => e.code === 'DUPLICATE_KEY');
        if (syntax.length === 0) expect(duplicates.length, file.path).toBe(yamlDuplicates.length);
        for (const duplicate of duplicates) {
          const key = /^([\w-]+):/.exec((lines[duplicate.range.line - 1] ?? '').slice(duplicate.range.column - 1))?.[1];
          if (key === undefined) continue; // a key inside a flow collection
          expect(lines.slice(1, duplicate.range.line - 1).some((l) => l.trimStart().startsWith(`${key}:`)), `${file.path}:${duplicate.range.line}`).toBe(true);
        }
        const positions = parseYamlDocument(yaml, { version: '1.2', schema: 'core', uniqueKeys: false, prettyErrors: true }).errors.map((e) => [(e.linePos?.[0].line ?? 0) + 1, e.linePos?.[0].col ?? 0] as const);
        // One finding a line (one mistake trips yaml several times on a line). A plain-language hint (parse/yaml-hints.ts)
        // stands at the start of yaml's line; an unclosed quote where it opens, at or before the place yaml notices it.
        const expected = positions.filter(([line], i) => positions.findIndex(([other]) => other === line) === i);
        expect(syntax, file.path).toHaveLength(expected.length);
        syntax.forEach((finding, i) => {
          const [line, column] = expected[i] ?? [0, 0];
          if (finding.message.includes('is never closed')) expect(finding.range.line, file.path).toBeLessThanOrEqual(line);
          else if (PLAIN_HINT.test(finding.message)) expect(finding.range.line, file.path).toBe(line);
          else expect([finding.range.line, finding.range.column], file.path).toEqual([line, column]);
        });
      }
      expect(yamlErrorCards).toBeGreaterThan(50);
      process.stderr.write(`dataset cards: ${cards.length} linted, ${yamlErrorCards} with YAML errors checked against yaml's own positions\n`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

// ---------- mutated copies of examples/acme ----------

describe('mutated copies of examples/acme', () => {
  const acmeFiles = listMarkdown(EXAMPLES_ACME);
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 30 }) }),
    fc.record({ kind: fc.constant('duplicate-key' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  );
  const mutations = fc.array(fc.tuple(fc.constantFrom(...acmeFiles), mutation), { minLength: 1, maxLength: 6 });

  it('lint never throws and positions stay inside the mutated files', async () => {
    await fc.assert(fc.asyncProperty(mutations, async (edits) => {
      const root = mkdtempSync(join(tmpdir(), 'aimslint-acme-fuzz-'));
      try {
        cpSync(EXAMPLES_ACME, root, { recursive: true });
        for (const [file, edit] of edits) {
          const path = join(root, file);
          writeFileSync(path, mutate(readFileSync(path), edit));
        }
        const result = await lint({ cwd: root, now: NOW });
        expectPositionsInside(result);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    }), { seed: SEED, numRuns: REPO_RUNS });
  });
});

type Mutation = { kind: 'flip'; at: number; value: number } | { kind: 'cut'; at: number; count: number } | { kind: 'duplicate-key'; at: number } | { kind: 'truncate'; at: number };

function mutate(bytes: Buffer, edit: Mutation): Buffer {
  if (bytes.length === 0) return bytes;
  switch (edit.kind) {
    case 'flip': {
      const copy = Buffer.from(bytes);
      copy[edit.at % copy.length] = edit.value;
      return copy;
    }
    case 'truncate':
      return bytes.subarray(0, edit.at % bytes.length);
    case 'cut': {
      const lines = bytes.toString('latin1').split('\n');
      lines.splice(edit.at % lines.length, edit.count);
      return Buffer.from(lines.join('\n'), 'latin1');
    }
    case 'duplicate-key': {
      const lines = bytes.toString('latin1').split('\n');
      const keys = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\s*[\w-]+:/.test(l));
      const picked = keys[edit.at % Math.max(1, keys.length)];
      if (picked) lines.splice(picked[1] + 1, 0, picked[0]);
      return Buffer.from(lines.join('\n'), 'latin1');
    }
  }
}

function listMarkdown(root: string): string[] {
  return (readdirSync(root, { recursive: true }) as string[]).filter((path) => path.endsWith('.md')).sort();
}
