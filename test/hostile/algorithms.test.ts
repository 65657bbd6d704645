/**
 * Bounded algorithms: inputs a pull request can craft to make the parser, a
 * rule or a "did you mean" suggestion quadratic. Each case builds its input at
 * size n and 4n and asserts the time grows about linearly (4x; the bound is a
 * generous 10x, where quadratic work grows 16x) and that the result is still
 * right. Ratios, not absolute times, so a loaded machine does not fail them.
 */
import { describe, expect, it } from 'vitest';
import { getCatalog } from '../../packages/core/src/catalog/index.js';
import { withoutTrailingSlashes } from '../../packages/core/src/discover/discover.js';
import { buildIndex, type RepoIndex } from '../../packages/core/src/index/repo-index.js';
import type { MarkdownStructure } from '../../packages/core/src/model.js';
import { parseDocument } from '../../packages/core/src/parse/document.js';
import { scanMarkdown } from '../../packages/core/src/parse/markdown.js';
import { escapeMarkdown } from '../../packages/core/src/report/markdown.js';
import brokenLinks from '../../packages/core/src/rules/link/broken.js';
import unresolvedReferences from '../../packages/core/src/rules/ref/unresolved.js';
import type { Report } from '../../packages/core/src/rules/types.js';
import { NOW } from './helpers.js';

/** Quadratic work grows 16x from n to 4n, linear 4x: 10x leaves room for a noisy machine. */
const MAX_GROWTH = 10;
/** Times under this are noise: compared against it instead, so a near-zero first run cannot fake a large ratio. */
const NOISE_MS = 10;

function timed<T>(work: () => T): { ms: number; result: T } {
  const started = performance.now();
  const result = work();
  return { ms: performance.now() - started, result };
}

/**
 * Runs `work` on inputs of size n and 4n (built before the clock starts),
 * warm once, then three times each, interleaved so a burst of load on the
 * machine hits both sizes; the best time of each size counts.
 */
function growth<I, R>(n: number, make: (n: number) => I, work: (input: I) => R): { ratio: number; small: R; large: R } {
  const smallInput = make(n);
  const largeInput = make(4 * n);
  let small = timed(() => work(smallInput));
  let large = timed(() => work(largeInput));
  let [smallMs, largeMs] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  for (let attempt = 0; attempt < 3; attempt++) {
    small = timed(() => work(smallInput));
    large = timed(() => work(largeInput));
    smallMs = Math.min(smallMs, small.ms);
    largeMs = Math.min(largeMs, large.ms);
  }
  return { ratio: largeMs / Math.max(smallMs, NOISE_MS), small: small.result, large: large.result };
}

const scan = (text: string): MarkdownStructure => scanMarkdown(text, 1);

describe('Markdown scanning stays linear', () => {
  it('a line of thousands of list markers (`- - - … x`)', () => {
    const line = (n: number): string => `${'- '.repeat(n)}[x](#top)\n`;
    const { ratio, large } = growth(5000, line, scan);
    expect(ratio).toBeLessThan(MAX_GROWTH);
    expect(large.links.map((link) => [link.url, link.range.line, link.range.column])).toEqual([['#top', 1, 2 * 20_000 + 1]]);
  });

  it('blank lines under very deep list nesting', () => {
    // `1.` markers are never thematic breaks: this isolates the blank lines.
    const nested = (n: number): string => `${'1. '.repeat(n)}x\n${'\n'.repeat(n)}# After\n`;
    const { ratio, large } = growth(4000, nested, scan);
    expect(ratio).toBeLessThan(MAX_GROWTH);
    expect(large.headings.map((heading) => [heading.text, heading.range.line])).toEqual([['After', 16_000 + 2]]);
  });

  it('a heading of thousands of `&` with no `;` anywhere', () => {
    const heading = (n: number): string => `# ${'&'.repeat(n)}\n`;
    const { ratio, large } = growth(50_000, heading, scan);
    expect(ratio).toBeLessThan(MAX_GROWTH);
    expect(large.headings[0]?.text).toBe('&'.repeat(200_000));
  });

  it('thousands of headings each opening a comment or a reference that never closes', () => {
    const headings = (n: number): string => Array.from({ length: n }, (_, i) => `# <!-- step ${i} &amp\n`).join('');
    const { ratio, large } = growth(3000, headings, scan);
    expect(ratio).toBeLessThan(MAX_GROWTH);
    expect(large.headings).toHaveLength(12_000);
    expect(large.headings[11_999]?.text).toBe('<!-- step 11999 &amp');
  });

  it('thousands of definitions whose `<destination` never closes', () => {
    const definitions = (n: number): string => `${'[draft]: <procedures/draft.md\n\n'.repeat(n)}[policy]: /aims/ai-policy.md\n\nSee [the policy][policy].\n`;
    const { ratio, large } = growth(6000, definitions, scan);
    expect(ratio).toBeLessThan(MAX_GROWTH);
    expect(large.links.map((link) => [link.url, link.kind, link.range.line])).toEqual([['/aims/ai-policy.md', 'reference', 2 * 24_000 + 3]]);
  });
});

/** An index of Markdown files parsed in memory, as lint builds it. */
function indexOf(files: Record<string, string>): RepoIndex {
  const catalog = getCatalog('iso42001:2023');
  if (!catalog) throw new Error('the iso42001:2023 catalog is missing');
  const documents = Object.entries(files).map(([path, text]) =>
    parseDocument({ path, bytes: new TextEncoder().encode(text), governance: true, limits: { maxAliases: 100, maxDepth: 64 } }));
  return buildIndex({ root: '/repo', documents, pathExists: () => false, catalog });
}

const frontmatter = (id: string, type: string, extra: string): string => `---\nid: ${id}\ntype: ${type}\ntitle: ${id}\n${extra}---\n`;
const suggestionOf = (report: Report | undefined): string | number | undefined => report?.data?.['suggestion'];

describe('"did you mean" stays bounded', () => {
  /** `n` roles, and a policy naming each with one letter changed (plus one ordinary typo). */
  const nearMisses = (idLength: number) => (n: number): RepoIndex => {
    const ids = Array.from({ length: n }, (_, i) => `ROLE-${'A'.repeat(idLength - 10)}${String(i).padStart(5, '0')}`);
    const roles = ids.map((id) => `  - id: ${id}\n    name: ${id}\n`).join('');
    const related = [...ids.map((id) => `${id.slice(0, -1)}X`), 'ROLE-AIMS-LEED'].map((id) => `  - ${id}\n`).join('');
    return indexOf({
      'aims/roles.md': frontmatter('ROLES-001', 'roles', `roles:\n  - id: ROLE-AIMS-LEAD\n    name: AIMS lead\n${roles}`),
      'aims/ai-policy.md': frontmatter('POL-001', 'ai-policy', `related:\n${related}`),
    });
  };
  const check = (index: RepoIndex): Report[] => unresolvedReferences.check(index, { options: {}, now: NOW });

  it('ids hundreds of characters long that all nearly match', () => {
    const { ratio, large } = growth(20, nearMisses(400), check);
    expect(ratio).toBeLessThan(MAX_GROWTH);
    expect(large).toHaveLength(80 + 1);
    // Far too long to be a typo worth suggesting; the ordinary typo still gets its suggestion.
    expect(suggestionOf(large[0])).toBe('');
    expect(suggestionOf(large[80])).toBe(' Did you mean `ROLE-AIMS-LEAD`?');
  });

  it('thousands of look-alike ids of ordinary length', () => {
    const { ratio, large } = growth(250, nearMisses(100), check);
    expect(ratio).toBeLessThan(MAX_GROWTH);
    expect(large).toHaveLength(1000 + 1);
    expect(suggestionOf(large[0])).toBe(` Did you mean \`ROLE-${'A'.repeat(90)}00000\`?`);
  });
});

describe('links to missing anchors', () => {
  /** A procedure with `n` headings and a policy with `n` links to anchors it lacks (one a near match). */
  const anchors = (n: number): RepoIndex => {
    const headings = Array.from({ length: n }, (_, i) => `## Step ${i}\n\nText.\n`).join('\n');
    const links = [...Array.from({ length: n }, (_, i) => `[${i}](../procedures/oversight.md#missing-${i})`), '[near](../procedures/oversight.md#Step-7)'].join('\n');
    return indexOf({
      'procedures/oversight.md': headings,
      'aims/ai-policy.md': `${frontmatter('POL-001', 'ai-policy', '')}${links}\n`,
    });
  };

  it('are looked up, not compared with every heading', () => {
    const { ratio, large } = growth(2000, anchors, (index) => brokenLinks.check(index, { options: {}, now: NOW }));
    expect(ratio).toBeLessThan(MAX_GROWTH);
    expect(large).toHaveLength(8000 + 1);
    expect(large[8000]?.data).toMatchObject({ anchor: 'Step-7', suggestion: ' Did you mean `#step-7`?' });
  });
});

describe('regular expressions on hostile text', () => {
  it("the report's cell escaping on a long run of blanks", () => {
    const blanks = (n: number): string => `Owner:${' '.repeat(n)}\n${' '.repeat(n)}AIMS lead and${' '.repeat(n)}deputy`;
    const { ratio, large } = growth(20_000, blanks, escapeMarkdown);
    expect(ratio).toBeLessThan(MAX_GROWTH);
    expect(large).toBe(`Owner: AIMS lead and${' '.repeat(80_000)}deputy`);
  });

  it('a governance folder written with thousands of slashes', () => {
    const folder = (n: number): string => `aims${'/'.repeat(n)}x${'/'.repeat(n)}`;
    const { ratio, large } = growth(20_000, folder, withoutTrailingSlashes);
    expect(ratio).toBeLessThan(MAX_GROWTH);
    expect(large).toBe(`aims${'/'.repeat(80_000)}x`);
  });
});
