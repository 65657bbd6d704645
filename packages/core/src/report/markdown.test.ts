import { fileURLToPath } from 'node:url';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../engine/lint.js';
import { buildReport } from './build.js';
import { escapeMarkdown, renderReportMarkdown } from './markdown.js';
import type { AimsReport } from './types.js';

const ACME = fileURLToPath(new URL('../../../../examples/acme', import.meta.url));
const HOSTILE = 'Policy | <script>alert(1)</script> [click](javascript:alert(1)) `x`\nsecond line';

interface MarkdownNode { type: string; children?: MarkdownNode[]; url?: string; value?: string }

const parse = (markdown: string): MarkdownNode => unified().use(remarkParse).use(remarkGfm).parse(markdown) as MarkdownNode;
const nodesOf = (node: MarkdownNode): MarkdownNode[] => [node, ...(node.children ?? []).flatMap(nodesOf)];

/** Every GFM table in the text, as rows of cell counts: a stray pipe would change a count. */
function tableShapes(markdown: string): number[][] {
  const tables = nodesOf(parse(markdown)).filter((node) => node.type === 'table');
  return tables.map((table) => (table.children ?? []).map((row) => row.children?.length ?? 0));
}

const linkUrls = (markdown: string): string[] => nodesOf(parse(markdown)).flatMap((node) => (node.type === 'link' && node.url !== undefined ? [node.url] : []));
const rawHtml = (markdown: string): string[] => nodesOf(parse(markdown)).flatMap((node) => (node.type === 'html' ? [node.value ?? ''] : []));

/** The acme report with untrusted text where documents supply it. */
function withHostileText(report: AimsReport): AimsReport {
  const hostile = structuredClone(report);
  const policy = hostile.objectives[0]?.controls[0];
  const system = hostile.inventory[0];
  if (!policy || !system || !policy.evidence[0]) throw new Error('the example report changed shape');
  policy.implementation = HOSTILE;
  policy.evidence[0].text = HOSTILE;
  system.document.title = HOSTILE;
  hostile.findings.push({
    ruleId: 'soa/evidence-broken',
    description: HOSTILE,
    errors: 1,
    warnings: 0,
    findings: [{ file: 'a|b.md', line: 1, column: 1, severity: 'error', message: 'The evidence `x|y\\|z` for `<b>` | is broken' }],
  });
  return hostile;
}

describe('renderReportMarkdown', () => {
  let report: AimsReport;
  let markdown: string;
  beforeAll(async () => {
    report = buildReport(await lint({ cwd: ACME, now: '2026-11-28' }));
    markdown = renderReportMarkdown(report);
  });

  it('writes one table line per control, with its state in words', () => {
    const controls = report.objectives.flatMap((objective) => objective.controls);
    for (const control of controls) {
      const lines = markdown.split('\n').filter((line) => line.startsWith(`| ${control.id} |`));
      expect(lines, control.id).toHaveLength(1);
    }
    expect(markdown).toMatch(/^\| A\.10\.4 \| Customers \| ➖ excluded \| Acme provides no AI system/m);
    expect(markdown).toMatch(/^\| A\.2\.2 \| AI policy \| ✅ implemented \| Board-approved AI policy.* \| ✅ current: \[ai-policy\.md#principles\]\(aims\/ai-policy\.md#principles\)<br>✅ current: \[POL-001\]\(aims\/ai-policy\.md\) \|$/m);
  });

  it('has the readiness checklist, the coverage bars and every section', () => {
    expect(markdown).toContain('- [x] ✅ **SoA complete**: yes.');
    expect(markdown).toMatch(/^- \[[ x]\] (✅|❌) \*\*No errors\*\*: (yes|no)\./m);
    expect(markdown).toContain('| A.2 Policies related to AI | `██████████ 3/3` | 0 | 0 |');
    for (const heading of ['# AIMS report: acme', '## Internal-audit readiness', '## Annex A coverage by objective', '### A.10 Third-party and customer relationships', '## Documented information (clauses 4-10)', '## AI system inventory', '## Findings by rule']) {
      expect(markdown.split('\n')).toContain(heading);
    }
    expect(markdown).toMatch(/^\| \[AIS-CREDIT-SCORING\]\(systems\/credit-scoring\/system\.md\) Acme Score v4 - Consumer Credit Scoring \| deployed \| high \| ✅ current: /m);
    expect(markdown).toMatch(/^\| \[AIS-SUPPORT-CHATBOT\].* \| development \| limited \| .* \| ➖ none yet \(needed at deployment\) \|/m);
  });

  it('produces tables whose rows all have their header\'s cell count', () => {
    const shapes = tableShapes(markdown);
    expect(shapes.length).toBeGreaterThan(10);
    for (const rows of shapes) expect(new Set(rows).size).toBe(1);
  });

  it('puts links under a base URL when given one', () => {
    const linked = renderReportMarkdown(report, { linkBase: 'https://github.com/acme/aims/blob/main' });
    expect(linked).toContain('[POL-001](https://github.com/acme/aims/blob/main/aims/ai-policy.md)');
  });

  it('keeps hostile document text inside its cell as plain text', () => {
    const hostile = renderReportMarkdown(withHostileText(report));
    for (const rows of tableShapes(hostile)) expect(new Set(rows).size).toBe(1);
    expect(hostile).not.toContain('<script>');
    expect(linkUrls(hostile).filter((url) => url.startsWith('javascript:'))).toEqual([]);
    expect(new Set(rawHtml(hostile))).toEqual(new Set(rawHtml(markdown)));
    const code = nodesOf(parse(hostile)).flatMap((node) => (node.type === 'inlineCode' ? [node.value] : []));
    expect(code).toContain('<b>');
    expect(hostile).toContain('\\`x\\|y\\\\\\|z\\`');
    expect(hostile).toContain('Policy \\| &lt;script>alert(1)&lt;/script> \\[click\\](javascript:alert(1)) \\`x\\` second line');
  });

  it('escapes what would break a table cell', () => {
    expect(escapeMarkdown('a | b')).toBe('a \\| b');
    expect(escapeMarkdown('a \\| b')).toBe('a \\\\\\| b');
    expect(escapeMarkdown('one\r\n  two')).toBe('one two');
  });
});
