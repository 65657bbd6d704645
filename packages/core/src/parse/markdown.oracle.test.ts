/**
 * Differential test: the fast scanner against unified + remark-parse +
 * remark-gfm. We compare what rules rely on — heading depth/text/line and
 * explicit link URLs/lines — on hand-picked inputs and on a real corpus of
 * Hugging Face dataset cards when it is present (it is not in users' clones).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { scanMarkdown } from './markdown.js';

interface Shape {
  headings: string[];
  links: string[];
}

const processor = unified().use(remarkParse).use(remarkGfm);

/** The few mdast fields the comparison reads (mdast's own types are not a dependency here). */
interface Nodes {
  type: string;
  children?: Nodes[];
  value?: unknown;
  url?: string;
  alt?: string | null;
  depth?: number;
  identifier?: string;
  position?: { start: { line: number; offset?: number }; end: { offset?: number } };
}

/** Plain text as the scanner defines it: like mdast-util-to-string but raw HTML contributes nothing. */
function plainText(node: Nodes): string {
  if (node.type === 'html') return '';
  if (node.type === 'image') return node.alt ?? '';
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map(plainText).join('');
}

/** The same decoding remark applies to destinations, so "as written" URLs compare equal. */
function decodeDestination(url: string): string {
  return url
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
}

function remarkShape(body: string): Shape {
  const tree = processor.parse(body) as Nodes;
  const definitions = new Map<string, string>();
  const headings: string[] = [];
  const links: string[] = [];
  const collectDefinitions = (node: Nodes): void => {
    if (node.type === 'definition' && node.identifier !== undefined && !definitions.has(node.identifier)) {
      definitions.set(node.identifier, node.url ?? '');
    }
    for (const child of node.children ?? []) collectDefinitions(child);
  };
  const visit = (node: Nodes): void => {
    const line = node.position?.start.line ?? 0;
    const offset = node.position?.start.offset ?? 0;
    if (node.type === 'heading') headings.push(`${line} h${node.depth ?? 0} ${plainText(node).trim()}`);
    if (node.type === 'link') {
      const opener = body[offset];
      // GFM literal autolinks (bare www./https:// text) are not explicit links: skip them.
      // Autolinks as written, except e-mail ones, which both read as `mailto:` links.
      if (opener === '<') links.push(`${line} ${node.url?.startsWith('mailto:') ? node.url : body.slice(offset + 1, (node.position?.end.offset ?? 1) - 1)}`);
      else if (opener === '[') links.push(`${line} ${node.url ?? ''}`);
    }
    if (node.type === 'image') links.push(`${line} ${node.url ?? ''}`);
    if (node.type === 'linkReference' || node.type === 'imageReference') {
      links.push(`${line} ${definitions.get(node.identifier ?? '') ?? '?'}`);
    }
    for (const child of node.children ?? []) visit(child);
  };
  collectDefinitions(tree);
  visit(tree);
  return { headings, links: links.sort() };
}

function scannerShape(body: string): Shape {
  const structure = scanMarkdown(body, 1);
  return {
    headings: structure.headings.map((heading) => `${heading.range.line} h${heading.depth} ${heading.text}`),
    links: structure.links
      .filter((link) => link.kind !== 'html')
      .map((link) => `${link.range.line} ${link.kind === 'autolink' ? link.url : decodeDestination(link.url)}`)
      .sort(),
  };
}

const VARIED_INPUTS: Record<string, string> = {
  'policy with ATX and setext headings': [
    '# AI Policy',
    '',
    'Scope',
    '=====',
    '',
    'Objectives *and* `targets`',
    '---',
    '',
    '## Roles ##',
    '### Risk [assessment](risk.md) ###',
  ].join('\n'),
  'links of every kind': [
    'See [the policy](policy.md "Policy"), ![logo](img/logo.png) and [ISO][iso].',
    'Also [iso][] and [ISO] and <https://www.iso.org/standard/81230.html>.',
    'Angle: [spaced](<docs/risk register.md>) and nested [![badge](b.svg)](ci.yml).',
    '',
    '[iso]: https://www.iso.org "ISO"',
  ].join('\n'),
  'links that are not links': [
    '\\[not](a-link) and `[code](span)` and [undefined] and [x][missing].',
    '<!-- [hidden](comment.md) -->',
    '',
    '```md',
    '[fenced](code.md)',
    '# not a heading',
    '```',
    '',
    '    [indented](code.md)',
  ].join('\n'),
  'lists, quotes and nesting': [
    '- item with [a](a.md)',
    '    - nested [b](b.md)',
    '',
    '      continued [c](c.md)',
    '1. first',
    '2. second [d](d.md)',
    '',
    '> quoted [e](e.md)',
    'lazy [f](f.md)',
    '> # Quoted heading',
    '',
    '- ```',
    '  [g](in-fence.md)',
    '  ```',
    '- after [h](h.md)',
  ].join('\n'),
  'tables': [
    '| Control | Owner | Evidence |',
    '|---|:--:|---:|',
    '| A.2.2 | CISO | [policy](policy.md) |',
    '| A.6.2.4 \\| x | `a|b` | [log](<log book.md>) |',
    'lazy row [r](r.md)',
    '',
    'Intro line',
    'a | b',
    '--|--',
    '1 | [two](two.md)',
  ].join('\n'),
  'html blocks and inline html': [
    '<div align="center">',
    '[not parsed](inside-html.md)',
    '</div>',
    '',
    'Inline <a href="x.html">x</a> and <span id="s">s</span> [y](y.md).',
    '',
    '<details>',
    '<summary>More</summary>',
    '',
    '## Inside details',
    '[parsed](after-blank.md)',
    '</details>',
  ].join('\n'),
  'code spans and emphasis in headings': [
    '# `ai_system` **inventory** _v2_',
    '## snake_case_name and 2 * 3 * 4',
    '### ~~old~~ new &amp; improved',
    '#### Trailing #hash',
    '##### [link **bold**](x.md) after',
  ].join('\n'),
};

describe('scanner agrees with remark on varied inputs', () => {
  for (const [name, body] of Object.entries(VARIED_INPUTS)) {
    it(name, () => {
      expect(scannerShape(body)).toEqual(remarkShape(body));
    });
  }
});

const CORPUS = fileURLToPath(new URL('../../../../../shared/corpora/hf-dataset-cards', import.meta.url));

/**
 * Corpus files where the scanner differs from remark on purpose. Keep short;
 * each entry says why.
 */
const ALLOWED_DISAGREEMENTS: Record<string, string> = {};

/** The body after a leading `---` frontmatter block, with LF line endings. */
function stripFrontmatter(source: string): string {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.startsWith('---\n')) return text;
  const close = text.search(/\n---[ \t]*(\n|$)/);
  if (close === -1) return text;
  const afterClose = text.indexOf('\n', close + 1);
  return afterClose === -1 ? '' : text.slice(afterClose + 1);
}

/**
 * remark parses ~0.6 MB/s here, so each card is compared on its first
 * CARD_PREFIX characters, cut at a blank line so no block is split; that keeps
 * the file near 5 s while still covering every card.
 */
const CARD_PREFIX = 3_500;

function cardPrefix(body: string): string {
  if (body.length <= CARD_PREFIX) return body;
  const cut = body.lastIndexOf('\n\n', CARD_PREFIX);
  return cut > 0 ? body.slice(0, cut + 1) : body.slice(0, CARD_PREFIX);
}

function corpusCards(): string[] {
  if (!existsSync(CORPUS)) return [];
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(CORPUS, entry.name, 'README.md')))
    .map((entry) => entry.name)
    .sort();
}

describe.skipIf(!existsSync(CORPUS))('scanner agrees with remark on the dataset-card corpus', () => {
  it('reads every card like remark does', () => {
    const disagreements: string[] = [];
    for (const card of corpusCards()) {
      if (Object.hasOwn(ALLOWED_DISAGREEMENTS, card)) continue;
      const body = cardPrefix(stripFrontmatter(readFileSync(join(CORPUS, card, 'README.md'), 'utf8')));
      const ours = scannerShape(body);
      const theirs = remarkShape(body);
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) disagreements.push(card);
    }
    expect(disagreements).toEqual([]);
  });
});
