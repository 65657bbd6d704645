/**
 * Differential test: the plain-frontmatter reader against js-yaml (core
 * schema), which it stands in for. Whatever the reader returns must be what
 * js-yaml returns; what it leaves out (undefined) js-yaml still reads.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ensureCorpus } from '../../../../bench/generate.mjs';
import { fc } from '../testing/fuzz.js';
import { readPlainYaml } from './yaml-plain.js';

function jsYaml(yaml: string): unknown {
  try {
    return load(yaml, { schema: CORE_SCHEMA });
  } catch {
    return 'js-yaml refuses this';
  }
}

/** The YAML between the fences of a document's frontmatter, as parse/frontmatter.ts cuts it. */
function frontmatterOf(text: string): string | undefined {
  if (!text.startsWith('---\n')) return undefined;
  const end = text.indexOf('\n---\n', 3);
  return end === -1 ? undefined : text.slice(4, end + 1);
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name.startsWith('.') ? [] : markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

describe('readPlainYaml', () => {
  it.each([
    ['a typical document', 'id: POL-001\ntype: ai-policy\ntitle: Acme Lending AI Policy\nversion: "3.0"\napproved_on: 2026-04-02\nclauses: ["5.2"]\ncontrols: [A.2.2, EU-AI-ACT:Art.4]\n'],
    ['nested lists of mappings', 'roles:\n  - id: ROLE-CRO\n    title: Chief Risk Officer\n    holders: [Dana Weiss]\n  -   id: ROLE-X\n      holders:\n        - A\n        - B\n'],
    ['a list at its key\'s indentation', 'entries:\n- control: A.2.2\n  applicable: true\n  evidence:\n  - ai-policy.md#principles\nnext: x\n'],
    ['comments and blank lines', '# who owns it\nowner: ROLE-X   # the AIMS manager\n\n  # indented comment\nstatus: draft\nlist: [a, b] # trailing\nq: "x" # after a quote\n'],
    ['empty values', 'a:\nb: # nothing\nc: []\nd: {}\ne: ""\nf: \'\'\nlist:\n  -\n  - x\n  - \n'],
    ['core-schema scalars', 'a: ~\nb: null\nc: NULL\nd: True\ne: FALSE\nf: 0x1F\ng: 0o17\nh: -5\ni: +1\nj: 1.10\nk: .inf\nl: -.Inf\nm: .NaN\nn: 1e3\no: 012\np: yes\nq: 2026-13-45\nr: 99999999999999999999\n'],
    ['keys the core schema resolves', 'null: a\nTrue: b\nFalse_x: c\n_private: d\n'],
    ['a flow mapping', 'eu_ai_act: { role: provider, risk: high, gpai: false }\nother: {a: "b, c", d: \'e\'}\n'],
    ['text with indicators inside', "title: C# and F#, a [draft] {x} it's \"quoted\"\nurl: https://example.com/a?b=c#d\npath: a.md#x\nmid: a - b\n"],
    ['unicode text', 'title: Déjà vu – Übersicht 😀\nowner: 山田\n'],
  ])('reads %s as js-yaml does', (_name, yaml) => {
    const read = readPlainYaml(yaml);
    expect(read).toBeDefined();
    expect(read).toStrictEqual(jsYaml(yaml));
  });

  it.each([
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['__proto__', '__proto__: {polluted: yes}\n'],
    ['a multi-line plain scalar', 'title: A long\n  title\n'],
    ['a block scalar', 'text: |\n  line\n'],
    ['an escape', 'a: "tab\\there"\n'],
    ['a doubled quote', "a: 'it''s'\n"],
    ['a tab', 'a:\n\t- x\n'],
    ['a CR', 'a: 1\r\nb: 2\r\n'],
    ['a no-break space', 'a: \u00a0x\n'],
    ['an anchor', 'a: &x 1\nb: *x\n'],
    ['a trailing comma', 'a: [x, y,]\n'],
    ['nested flow', 'a: [x, [y]]\n'],
    ['a multi-line flow list', 'a: [x,\n  y]\n'],
    ['a comment inside a flow list', 'a: [x #c, y]\n'],
    ['a mapping inside a value', 'a: b: c\n'],
    ['a nested list on one line', 'a:\n  - - x\n'],
    ['an indented document', '  a: 1\n'],
    ['a quoted key', '"a": 1\n'],
    ['a complex key', '? a\n: b\n'],
    ['a document marker', 'a: 1\n...\n'],
    ['only comments', '# nothing\n'],
    ['a lone list', '- a\n- b\n'],
    ['a deeper line after a list item', 'a:\n  - x\n    y\n'],
    ['a stray indentation', 'a:\n    b: 1\n  c: 2\n'],
  ])('leaves %s to js-yaml', (_name, yaml) => {
    expect(readPlainYaml(yaml)).toBeUndefined();
  });

  it('agrees with js-yaml on the frontmatter of every example repository, a generated corpus and the dataset cards', () => {
    const root = fileURLToPath(new URL('../../../../', import.meta.url));
    // Real-world frontmatter (Hugging Face dataset cards), when the shared corpora are there.
    const cards = join(root, '..', 'shared', 'corpora', 'hf-dataset-cards');
    const files = [...markdownFiles(join(root, 'examples')), ...markdownFiles(ensureCorpus(1000)), ...(existsSync(cards) ? markdownFiles(cards) : [])];
    let read = 0;
    for (const file of files) {
      const yaml = frontmatterOf(readFileSync(file, 'utf8'));
      if (yaml === undefined) continue;
      const plain = readPlainYaml(yaml);
      if (plain === undefined) continue;
      read++;
      expect(plain, file).toStrictEqual(jsYaml(yaml));
    }
    // The point is speed: nearly every real document must take the plain path.
    expect(read).toBeGreaterThan(1000);
  }, 60_000);

  it('agrees with js-yaml on generated frontmatter whenever it reads it', () => {
    const keys = ['id', 'type', 'null', 'True', 'a', 'a_b', 'x-y', 'owner', 'title', 'controls', 'NULL', '_k', 'id'];
    // Mostly what the reader reads, so the comparison has material; some of what it must leave to js-yaml.
    const plain = ['x', 'A.2.2', '"q"', "'s'", '""', "''", '~', 'true', 'No', '1', '-1', '+1', '0x1f', '0o7', '1.5', '.5', '.inf', '.NaN', '1e3', '2026-01-02',
      'a b', 'a:b', 'a #c', 'a#b', 'C#', '-x', 'Ünïcode 😀', 'a, b', '{a: x, b: "c"}', '[a, "b"]'];
    const tricky = ['a: b', '- x', '-', '?x', ':x', 'x:', '"a\\"b"', "'a''b'", '|', '>-', '&x a', '*x', '!!str 1', '%x', '@x', '`x`', 'x\u00a0',
      '[a', '{a: [b]}', '{a: 1, a: 2}', '[a,b,]', '"x" y', '[a: b]', '{a}'];
    const scalar = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...plain) }, { weight: 1, arbitrary: fc.constantFrom(...tricky) });
    const weird = ['# c', '  # c', '', '---', '...', 'plain', '\tx', '  more', 'a: 1\r', '- x', '? k', '    deeper: 1'];
    type Tree = string | Tree[] | [string, Tree][];
    const { value } = fc.letrec<{ value: Tree; list: Tree[]; map: [string, Tree][] }>((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('value'), { maxLength: 3 }),
      map: fc.array(fc.tuple(fc.constantFrom(...keys), tie('value')), { maxLength: 4 }).map((pairs) => pairs.map(([key, item]) => [key, item] as [string, Tree])),
    }));
    const isMap = (tree: Tree): tree is [string, Tree][] => Array.isArray(tree) && tree.length > 0 && tree.every((item) => Array.isArray(item) && item.length === 2 && typeof item[0] === 'string' && keys.includes(item[0]));
    interface Style { step: number; compact: boolean; flow: boolean }
    /** Lines for `tree` as the value after `lead` (`key:` or `-`) at column `indent`. */
    const render = (lead: string, tree: Tree, indent: number, style: Style, ofKey: boolean): string[] => {
      const pad = ' '.repeat(indent);
      if (typeof tree === 'string') return [`${pad}${lead} ${tree}`];
      if (tree.length === 0) return [`${pad}${lead} ${isMap(tree) ? '{}' : '[]'}`];
      if (!isMap(tree) && style.flow && tree.every((item) => typeof item === 'string')) return [`${pad}${lead} [${tree.join(', ')}]`];
      const inner = ofKey && style.compact && !isMap(tree) ? indent : indent + style.step;
      const body = isMap(tree)
        ? tree.flatMap(([key, item]) => render(`${key}:`, item, inner, style, true))
        : (tree as Tree[]).flatMap((item) => render('-', item, inner, style, false));
      return [`${pad}${lead}`, ...body];
    };
    const document = fc.record({
      pairs: fc.array(fc.tuple(fc.constantFrom(...keys), value), { minLength: 1, maxLength: 6 }),
      style: fc.record({ step: fc.integer({ min: 1, max: 4 }), compact: fc.boolean(), flow: fc.boolean() }),
      mutation: fc.option(fc.tuple(fc.nat(), fc.constantFrom(...weird)), { freq: 2 }),
    });
    let read = 0;
    fc.assert(fc.property(document, ({ pairs, style, mutation }) => {
      const lines = pairs.flatMap(([key, item]) => render(`${key}:`, item, 0, style, true));
      if (mutation) lines.splice(mutation[0] % (lines.length + 1), 0, mutation[1]);
      const yaml = `${lines.join('\n')}\n`;
      const data = readPlainYaml(yaml);
      if (data === undefined) return;
      read++;
      expect(data, yaml).toStrictEqual(jsYaml(yaml));
    }), { seed: 42, numRuns: 3000 });
    // Enough of the generated text is read for the comparison to mean something.
    expect(read).toBeGreaterThan(300);
  });
});
