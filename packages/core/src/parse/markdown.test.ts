/**
 * Table-driven tests for the fast Markdown scanner, in the style of ESLint's
 * RuleTester: a governance-document snippet in, the exact headings, links,
 * anchors and tables (with lines and columns) out.
 */
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import type { Heading, Link, MarkdownStructure, SourceRange, Table, TableCell } from '../model.js';
import { scanMarkdown } from './markdown.js';

/** Range shorthand: line, column, endLine, endColumn. */
function r(line: number, column: number, endLine: number, endColumn: number): SourceRange {
  return { line, column, endLine, endColumn };
}

function h(depth: number, text: string, slug: string, range: SourceRange): Heading {
  return { depth, text, slug, range };
}

function l(url: string, kind: Link['kind'], range: SourceRange): Link {
  return { url, kind, range };
}

interface Case {
  name: string;
  /** Lines of the body. */
  body: string[];
  /** File line of the body's first line; 1 unless the case is about it. */
  startLine?: number;
  headings?: Heading[];
  links?: Link[];
  anchors?: string[];
  tables?: TableShape[];
}

function check(testCase: Case): void {
  const result: MarkdownStructure = scanMarkdown(testCase.body.join('\n'), testCase.startLine ?? 1);
  if (testCase.headings) expect(result.headings).toEqual(testCase.headings);
  if (testCase.links) expect(result.links).toEqual(testCase.links);
  if (testCase.anchors) expect(result.anchors).toEqual(testCase.anchors);
  if (testCase.tables) expect(result.tables.map(withoutRaw)).toEqual(testCase.tables);
}

const HEADING_CASES: Case[] = [
  {
    name: 'ATX headings with closing hashes and up to three spaces of indent',
    body: ['# AI Policy', '', '## Scope ##', '   ### Roles and responsibilities', '#### Trailing #hash stays #'],
    headings: [
      h(1, 'AI Policy', 'ai-policy', r(1, 3, 1, 12)),
      h(2, 'Scope', 'scope', r(3, 4, 3, 9)),
      h(3, 'Roles and responsibilities', 'roles-and-responsibilities', r(4, 8, 4, 34)),
      h(4, 'Trailing #hash stays', 'trailing-hash-stays', r(5, 6, 5, 26)),
    ],
  },
  {
    name: 'what is not an ATX heading',
    body: ['#5 bolts', '####### seven', '    # indented code', '\\# escaped', 'text', '# after text interrupts'],
    headings: [h(1, 'after text interrupts', 'after-text-interrupts', r(6, 3, 6, 24))],
  },
  {
    name: 'setext headings, including a multi-line one',
    body: ['Risk Management', '===============', '', 'Statement of', 'Applicability', '---', '', '- - -'],
    headings: [
      h(1, 'Risk Management', 'risk-management', r(1, 1, 1, 16)),
      h(2, 'Statement of\nApplicability', 'statement-ofapplicability', r(4, 1, 5, 14)),
    ],
  },
  {
    name: 'a body that starts after frontmatter keeps file line numbers',
    body: ['', '# Inventory'],
    startLine: 7,
    headings: [h(1, 'Inventory', 'inventory', r(8, 3, 8, 12))],
  },
  {
    name: 'inline markup is reduced to plain text',
    body: ['## **Risk** `A.6.2` [treatment](plan.md) _plan_ ~~old~~ &amp; <b>more</b>', '# snake_case and 2 * 3'],
    headings: [
      h(2, 'Risk A.6.2 treatment plan old & more', 'risk-a62-treatment-plan-old--more', r(1, 4, 1, 74)),
      h(1, 'snake_case and 2 * 3', 'snake_case-and-2--3', r(2, 3, 2, 23)),
    ],
  },
  {
    name: 'duplicate headings get -1, -2 slugs',
    body: ['# Scope', '## Scope', '### Scope', '## Scope 1'],
    headings: [
      h(1, 'Scope', 'scope', r(1, 3, 1, 8)),
      h(2, 'Scope', 'scope-1', r(2, 4, 2, 9)),
      h(3, 'Scope', 'scope-2', r(3, 5, 3, 10)),
      h(2, 'Scope 1', 'scope-1-1', r(4, 4, 4, 11)),
    ],
  },
  {
    name: 'headings inside fenced code, comments and HTML blocks are not headings',
    body: [
      '```markdown',
      '# Not a heading',
      '```',
      '~~~~',
      '## Not either',
      '```',
      '~~~~~',
      '<!--',
      '# Commented out',
      '-->',
      '<div>',
      '# Raw HTML block',
      '</div>',
      '',
      '# Real',
    ],
    headings: [h(1, 'Real', 'real', r(15, 3, 15, 7))],
  },
  {
    name: 'an unclosed fence runs to the end of the document',
    body: ['# Before', '```', '# Inside'],
    headings: [h(1, 'Before', 'before', r(1, 3, 1, 9))],
  },
  {
    name: 'headings in list items and block quotes',
    body: ['- # In a list', '> ## In a quote'],
    headings: [h(1, 'In a list', 'in-a-list', r(1, 5, 1, 14)), h(2, 'In a quote', 'in-a-quote', r(2, 6, 2, 16))],
  },
];

const LINK_CASES: Case[] = [
  {
    name: 'inline links, titles, angle destinations and images',
    body: [
      'See the [AI policy](policy.md "Policy") and ![org chart](img/org.png).',
      'Evidence: [risk register](<registers/risk register.md>).',
    ],
    links: [
      l('policy.md', 'inline', r(1, 9, 1, 40)),
      l('img/org.png', 'inline', r(1, 45, 1, 70)),
      l('registers/risk register.md', 'inline', r(2, 11, 2, 56)),
    ],
  },
  {
    name: 'reference links: full, collapsed and shortcut, defined anywhere',
    body: [
      'Per [ISO/IEC 42001][iso], [iso][] and [ISO].',
      '',
      '[ISO]: https://www.iso.org/standard/81230.html "ISO"',
      '[soa]:   <soa.md>',
      'Also [the SoA][  SOA ].',
    ],
    links: [
      l('https://www.iso.org/standard/81230.html', 'reference', r(1, 5, 1, 25)),
      l('https://www.iso.org/standard/81230.html', 'reference', r(1, 27, 1, 34)),
      l('https://www.iso.org/standard/81230.html', 'reference', r(1, 39, 1, 44)),
      l('soa.md', 'reference', r(5, 6, 5, 23)),
    ],
  },
  {
    name: 'autolinks and HTML anchors',
    body: ['Contact <https://example.com/aims> or <aims@example.com>.', 'Or <a href="https://example.com/x">here</a>.'],
    links: [
      l('https://example.com/aims', 'autolink', r(1, 9, 1, 35)),
      l('mailto:aims@example.com', 'autolink', r(1, 39, 1, 57)),
      l('https://example.com/x', 'html', r(2, 4, 2, 36)),
    ],
  },
  {
    name: 'a link spanning two lines and an image inside a link',
    body: ['The [statement of', 'applicability](soa.md) and [![status](badge.svg)](ci.md).'],
    links: [
      l('soa.md', 'inline', r(1, 5, 2, 23)),
      l('ci.md', 'inline', r(2, 28, 2, 57)),
      l('badge.svg', 'inline', r(2, 29, 2, 49)),
    ],
  },
  {
    name: 'what is not a link',
    body: [
      '\\[escaped](not-a-link.md) and `[code](span.md)` and ``[double `code`](x.md)``.',
      'An [unresolved shortcut] and [text][undefined-ref] and [brackets] (spaced.md).',
      '<!-- [commented](out.md) -->',
      '',
      '```',
      '[fenced](code.md)',
      '```',
      '',
      '    [indented](code.md)',
      '',
      '[^1]: a footnote, not a definition',
      'See [^1].',
    ],
    links: [],
  },
  {
    name: 'links in lists, quotes and lazy continuation lines',
    body: ['- [a](a.md)', '    - nested [b](b.md)', '', '      continued [c](c.md)', '> quoted [d](d.md)', 'lazy [e](e.md)'],
    links: [
      l('a.md', 'inline', r(1, 3, 1, 12)),
      l('b.md', 'inline', r(2, 14, 2, 23)),
      l('c.md', 'inline', r(4, 17, 4, 26)),
      l('d.md', 'inline', r(5, 10, 5, 19)),
      l('e.md', 'inline', r(6, 6, 6, 15)),
    ],
  },
  {
    name: 'destinations with balanced parentheses and escapes',
    body: ['[wiki](https://en.wikipedia.org/wiki/ISO/IEC_42001_(standard)) [esc](a\\)b.md)'],
    links: [
      l('https://en.wikipedia.org/wiki/ISO/IEC_42001_(standard)', 'inline', r(1, 1, 1, 63)),
      l('a\\)b.md', 'inline', r(1, 64, 1, 78)),
    ],
  },
  {
    name: 'links in headings count',
    body: ['## See [Annex A](annex-a.md)'],
    links: [l('annex-a.md', 'inline', r(1, 8, 1, 29))],
  },
  {
    name: 'Markdown inside an HTML block is inert, HTML anchors are not',
    body: ['<div align="center">', '[not a link](x.md) <a href="y.md">y</a>', '</div>', '', '[a link](z.md)'],
    links: [l('y.md', 'html', r(2, 20, 2, 35)), l('z.md', 'inline', r(5, 1, 5, 15))],
  },
];

const ANCHOR_CASES: Case[] = [
  {
    name: 'heading slugs and HTML id/name anchors in document order',
    body: [
      '# Controls',
      '<a id="a-6-2-4"></a>',
      '',
      'Text <a name="legacy"></a> and <span id="inline-id">x</span>.',
      '## Controls',
      '<!-- <a id="commented"></a> -->',
      '`<a id="in-code"></a>`',
    ],
    anchors: ['controls', 'a-6-2-4', 'legacy', 'inline-id', 'controls-1'],
  },
];

/** A table without each cell's `raw` source, which is asserted in its own case below. */
type TableShape = Omit<Table, 'header' | 'rows'> & { header: Omit<TableCell, 'raw'>[]; rows: Omit<TableCell, 'raw'>[][] };

function withoutRaw(table: Table): TableShape {
  const strip = (row: TableCell[]) => row.map(({ raw: _raw, ...cell }) => cell);
  return { ...table, header: strip(table.header), rows: table.rows.map(strip) };
}

const TABLE_CASES: Case[] = [
  {
    name: 'a GFM table with alignment, links, escaped pipes and code spans',
    body: [
      '| Control | Owner | Evidence |',
      '|---|:--:|---:|',
      '| A.2.2 | CISO | [policy](policy.md) |',
      '| A.6.2.4 \\| B | `a|b` |  |',
      '',
      'After.',
    ],
    tables: [
      {
        header: [
          { text: 'Control', range: r(1, 3, 1, 10), links: [] },
          { text: 'Owner', range: r(1, 13, 1, 18), links: [] },
          { text: 'Evidence', range: r(1, 21, 1, 29), links: [] },
        ],
        rows: [
          [
            { text: 'A.2.2', range: r(3, 3, 3, 8), links: [] },
            { text: 'CISO', range: r(3, 11, 3, 15), links: [] },
            { text: 'policy', range: r(3, 18, 3, 37), links: [l('policy.md', 'inline', r(3, 18, 3, 37))] },
          ],
          [
            { text: 'A.6.2.4 | B', range: r(4, 3, 4, 15), links: [] },
            { text: 'a|b', range: r(4, 18, 4, 23), links: [] },
            { text: '', range: r(4, 25, 4, 27), links: [] },
          ],
        ],
        range: r(1, 1, 4, 28),
      },
    ],
    links: [l('policy.md', 'inline', r(3, 18, 3, 37))],
  },
  {
    name: 'optional outer pipes, a table interrupting a paragraph, short and long rows',
    body: ['Annex A mapping:', 'Clause | Document', '--- | ---', '6.1 | [risk.md](risk.md) | extra', '8.2', 'lazy row'],
    tables: [
      {
        header: [
          { text: 'Clause', range: r(2, 1, 2, 7), links: [] },
          { text: 'Document', range: r(2, 10, 2, 18), links: [] },
        ],
        rows: [
          [
            { text: '6.1', range: r(4, 1, 4, 4), links: [] },
            { text: 'risk.md', range: r(4, 7, 4, 25), links: [l('risk.md', 'inline', r(4, 7, 4, 25))] },
          ],
          [
            { text: '8.2', range: r(5, 1, 5, 4), links: [] },
            { text: '', range: r(5, 4, 5, 4), links: [] },
          ],
          [
            { text: 'lazy row', range: r(6, 1, 6, 9), links: [] },
            { text: '', range: r(6, 9, 6, 9), links: [] },
          ],
        ],
        range: r(2, 1, 6, 9),
      },
    ],
  },
  {
    name: 'not tables: mismatched delimiter row, no pipes, inside code',
    body: ['a | b | c', '--- | ---', '', 'Title', '---', '', '```', '| x | y |', '|---|---|', '```'],
    tables: [],
    headings: [h(2, 'Title', 'title', r(4, 1, 4, 6))],
  },
  {
    name: 'a table ends at a heading',
    body: ['| Risk | Level |', '| --- | --- |', '| Bias | High |', '# Next'],
    tables: [
      {
        header: [
          { text: 'Risk', range: r(1, 3, 1, 7), links: [] },
          { text: 'Level', range: r(1, 10, 1, 15), links: [] },
        ],
        rows: [
          [
            { text: 'Bias', range: r(3, 3, 3, 7), links: [] },
            { text: 'High', range: r(3, 10, 3, 14), links: [] },
          ],
        ],
        range: r(1, 1, 3, 16),
      },
    ],
    headings: [h(1, 'Next', 'next', r(4, 3, 4, 7))],
  },
];

describe('scanMarkdown', () => {
  describe('headings', () => {
    it.each(HEADING_CASES)('$name', check);
  });
  describe('links', () => {
    it.each(LINK_CASES)('$name', check);
  });
  describe('anchors', () => {
    it.each(ANCHOR_CASES)('$name', check);
  });
  describe('tables', () => {
    it.each(TABLE_CASES)('$name', check);
  });

  it('slugs exactly like github-slugger, ASCII fast path included', () => {
    const texts = [
      'A.6.2.4 — Data quality (ISO/IEC 42001:2023)',
      'Scope & Context!',
      'snake_case - kebab-case',
      'Ünïcödé Überblick',
      'Emoji 🚀 launch',
      "It's 100% \"quoted\" <tag> {braces} [x] ~tilde~ `tick`",
      'Scope & Context!',
      '',
    ];
    const expected = new GithubSlugger();
    const body = texts.map((text) => `# ${text.replace(/[\\`*_[\]<&~]/g, (c) => `\\${c}`)}`).join('\n');
    const result = scanMarkdown(body, 1);
    expect(result.headings.map((heading) => heading.text)).toEqual(texts);
    expect(result.headings.map((heading) => heading.slug)).toEqual(texts.map((text) => expected.slug(text)));
  });

  it('returns empty structure for an empty body', () => {
    expect(scanMarkdown('', 1)).toEqual({ headings: [], anchors: [], links: [], tables: [] });
  });
});

describe('scanMarkdown on crafted input stays linear', () => {
  const MEGABYTE = 1 << 20;
  // Quadratic work on a megabyte takes minutes; linear work takes well under a second on an idle core.
  // The budget only has to be far below the first, with room for a machine busy with other work
  // (emphasis in a heading took 0.9-1.3 s there).
  const BUDGET_MS = 3000;
  const patterns: Record<string, string> = {
    'open brackets': '[',
    'open parens': '(',
    backticks: '`',
    'varied backtick runs': '`` ` ``` ',
    pipes: '|',
    'bracket-paren pairs': '[](a',
    'unclosed angle destinations': '[](<a',
    'open tags': '<a b="',
    'emphasis in a heading': '*a_',
    'unclosed comments': '<!--',
    'nested images': '![',
  };
  for (const [name, unit] of Object.entries(patterns)) {
    it(`a 1 MB line of ${name}`, () => {
      const line = unit.repeat(Math.ceil(MEGABYTE / unit.length));
      for (const body of [line, `# ${line}`, `| a | b |\n|---|---|\n| ${line} | x |`]) {
        const started = performance.now();
        scanMarkdown(body, 1);
        expect(performance.now() - started).toBeLessThan(BUDGET_MS);
      }
    });
  }

  it('many short paragraphs do not rescan the rest of the document', () => {
    const body = 'plain text without specials\n\n'.repeat(40_000);
    const started = performance.now();
    scanMarkdown(body, 1);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

/** A realistic ISO/IEC 42001 document: headings, prose with links, tables, lists, code. */
function governanceDocument(index: number): string {
  const sections: string[] = [`# AI Risk Assessment ${index}`, ''];
  for (let section = 1; section <= 8; section++) {
    sections.push(
      `## ${section}. Risk treatment for *system* \`ai-${index}-${section}\``,
      '',
      `This section records how the organization addresses risks per [clause 6.1.3](../clauses/6-1-3.md) and the ` +
        `[Statement of Applicability][soa]. Owners review it **quarterly**; see <https://www.iso.org/standard/81230.html>.`,
      'Residual risk is accepted by the AI governance board after reviewing the impact assessment and the',
      'supplier evaluation records kept in the document management system.',
      '',
      '| Control | Owner | Status | Evidence |',
      '|---|---|:---:|---|',
      `| A.6.2.${section} | CISO | Implemented | [evidence](evidence/a-6-2-${section}.md) |`,
      `| A.7.${section} | Data steward | Planned | [plan](plans/a-7-${section}.md "Plan") |`,
      `| A.9.${section} | Product owner | N/A | \`justification\` |`,
      '',
      '- Review the model card and data sheet',
      `- Confirm the [impact assessment](impact/ai-${index}.md) is current`,
      '  - Escalate open findings to the board',
      '',
      '```yaml',
      `risk_id: R-${index}-${section}`,
      'likelihood: medium',
      '```',
      '',
    );
  }
  sections.push('[soa]: ../soa.md', '');
  return sections.join('\n');
}

describe('scanMarkdown throughput', () => {
  it('scans realistic governance documents fast (logs MB/s)', () => {
    const documents = Array.from({ length: 2000 }, (_, index) => governanceDocument(index));
    const bytes = documents.reduce((sum, document) => sum + document.length, 0);
    for (const document of documents.slice(0, 200)) scanMarkdown(document, 1);
    const started = performance.now();
    for (const document of documents) scanMarkdown(document, 1);
    const seconds = (performance.now() - started) / 1000;
    const megabytesPerSecond = bytes / 1e6 / seconds;
    console.log(`scanMarkdown: ${(bytes / 1e6).toFixed(1)} MB in ${(seconds * 1000).toFixed(0)} ms = ${megabytesPerSecond.toFixed(1)} MB/s`);
    // A loose floor so a loaded CI machine does not flake; the target is 60 MB/s.
    expect(megabytesPerSecond).toBeGreaterThan(10);
  });
});

describe('table cell source', () => {
  it('keeps each cell as written, starting at its column, so ids inside can be located', () => {
    const [table] = scanMarkdown('| Control | Evidence |\n|---|---|\n| **A.2.2** | [policy](p.md), POL-001 |\n', 1).tables;
    const evidence = table?.rows[0]?.[1];
    expect(evidence?.raw).toBe('[policy](p.md), POL-001');
    expect(evidence?.text).toBe('policy, POL-001');
    expect(evidence?.range.column).toBe(15);
    expect(table?.rows[0]?.[0]?.raw).toBe('**A.2.2**');
  });
});
