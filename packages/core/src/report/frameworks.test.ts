import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../engine/lint.js';
import { writeRepository } from '../testing/rule-tester.js';
import { buildReport } from './build.js';
import type { FrameworkCoverage, FrameworkItemCoverage } from './frameworks.js';
import { renderReportHtml } from './html.js';
import { renderReportMarkdown } from './markdown.js';
import type { AimsReport } from './types.js';

const document = (fields: { id: string; type: string; status: string; controls: string; nextReview?: string }): string => [
  '---',
  `id: ${fields.id}`,
  `type: ${fields.type}`,
  `title: ${fields.id} of Northwind Credit`,
  'owner: ROLE-AIMS-LEAD',
  `status: ${fields.status}`,
  'version: "1.0"',
  'approved_by: ROLE-AIMS-LEAD',
  'approved_on: 2026-01-10',
  'last_reviewed: 2026-01-10',
  `next_review: ${fields.nextReview ?? '2027-01-10'}`,
  `controls: ${fields.controls}`,
  '---',
  '',
  '# Text',
  '',
].join('\n');

/** A small evidence base: one document evidences a NIST item directly, one an Annex A control the crosswalk maps, one is a draft, one overdue. */
const FILES = {
  'aimslint.config.json': JSON.stringify({ catalogs: ['iso42001:2023', 'nist-ai-rmf:1.0', 'eu-ai-act:2024'] }),
  'aims/legal-register.md': document({ id: 'PROC-LEGAL', type: 'procedure', status: 'approved', controls: '[NIST-AI-RMF:GOVERN-1.1]' }),
  'aims/impact-process.md': document({ id: 'PROC-IMPACT', type: 'procedure', status: 'approved', controls: '[A.5.2, A.5.4]' }),
  'aims/risk-method.md': document({ id: 'PROC-RISK', type: 'procedure', status: 'draft', controls: '[EU-AI-ACT:Art.9]' }),
  'aims/literacy.md': document({ id: 'PROC-LITERACY', type: 'procedure', status: 'approved', controls: '[EU-AI-ACT:Art.4]', nextReview: '2026-03-01' }),
  'aims/old-incidents.md': document({ id: 'PROC-OLD-INCIDENTS', type: 'procedure', status: 'retired', controls: '[EU-AI-ACT:Art.73]' }),
};

let root = '';
let report: AimsReport;
beforeAll(async () => {
  root = writeRepository(FILES);
  report = buildReport(await lint({ cwd: root, now: '2026-11-28' }));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const framework = (id: string): FrameworkCoverage => {
  const found = report.frameworks.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`${id} is not in the report`);
  return found;
};
const item = (frameworkId: string, id: string): FrameworkItemCoverage => {
  const found = framework(frameworkId).items.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`${id} is not in ${frameworkId}`);
  return found;
};

describe('coverage per framework', () => {
  it('covers ISO/IEC 42001 first, then the frameworks the config selects', () => {
    expect(report.frameworks.map((coverage) => [coverage.kind, coverage.id, coverage.items.length])).toEqual([
      ['catalog', 'iso42001:2023', 38],
      ['framework', 'nist-ai-rmf:1.0', 72],
      ['framework', 'eu-ai-act:2024', 16],
    ]);
  });

  it('finds direct evidence: a document listing the id in `controls`', () => {
    expect(item('nist-ai-rmf:1.0', 'NIST-AI-RMF:GOVERN-1.1')).toMatchObject({ state: 'current', evidence: [{ path: 'aims/legal-register.md', via: 'controls', state: 'current' }] });
  });

  it('finds evidence through the crosswalk, naming the Annex A controls it came through', () => {
    const map11 = item('nist-ai-rmf:1.0', 'NIST-AI-RMF:MAP-1.1');
    expect(map11.mappedControls).toEqual(['A.5.2', 'A.5.3', 'A.5.4', 'A.5.5']);
    expect(map11).toMatchObject({ state: 'current', evidence: [{ path: 'aims/impact-process.md', via: 'crosswalk', through: ['A.5.2', 'A.5.4'] }] });
  });

  it('says draft, stale and none as they are', () => {
    expect(item('eu-ai-act:2024', 'EU-AI-ACT:Art.9').state).toBe('draft');
    expect(item('eu-ai-act:2024', 'EU-AI-ACT:Art.4').state).toBe('stale');
    // A retired document evidences nothing any more.
    expect(item('eu-ai-act:2024', 'EU-AI-ACT:Art.73')).toMatchObject({ state: 'none', evidence: [], role: 'provider' });
    expect(framework('eu-ai-act:2024').counts).toEqual({ current: 0, stale: 1, draft: 1, none: 14 });
  });

  it('counts a NIST function over its categories', () => {
    const govern = framework('nist-ai-rmf:1.0').groups.find((group) => group.id === 'GOVERN');
    const total = Object.values(govern?.counts ?? {}).reduce((sum, count) => sum + count, 0);
    expect(total).toBe(19);
  });

  it('renders a section per framework in Markdown and one chart per framework in HTML', () => {
    const markdown = renderReportMarkdown(report);
    for (const heading of ['## Coverage by framework', '### ISO/IEC 42001:2023', '### NIST AI RMF 1.0', '### EU AI Act (Regulation (EU) 2024/1689)']) expect(markdown.split('\n')).toContain(heading);
    expect(markdown).toContain('| MAP 1.1 | Record intended purpose, setting and context | ✅ current | [PROC-IMPACT](aims/impact-process.md) current, via A.5.2, A.5.4 |');
    expect(markdown).toContain('NIST AI RMF to ISO/IEC FDIS 42001 AI Management System Crosswalk');
    const html = renderReportHtml(report);
    expect(html.match(/<div class="fw-bars" data-framework="/g)).toHaveLength(3);
    expect(html).toContain('data-framework="eu-ai-act:2024"');
  });
});

describe('the report of examples/acme', () => {
  it('shows coverage for all three frameworks, from the same documents', async () => {
    const acme = fileURLToPath(new URL('../../../../examples/acme', import.meta.url));
    const acmeReport = buildReport(await lint({ cwd: acme, now: '2026-11-28' }));
    const counts = Object.fromEntries(acmeReport.frameworks.map((coverage) => [coverage.id, coverage.counts.current]));
    expect(Object.keys(counts)).toEqual(['iso42001:2023', 'nist-ai-rmf:1.0', 'eu-ai-act:2024']);
    // Every Annex A control acme applies has current evidence; most NIST items are reached through the crosswalk.
    expect(counts['iso42001:2023']).toBe(36);
    expect(counts['nist-ai-rmf:1.0']).toBeGreaterThanOrEqual(60);
    const eu = acmeReport.frameworks[2]?.items.filter((coverage) => coverage.state === 'current').map((coverage) => coverage.label);
    expect(eu).toEqual(['Art. 4', 'Art. 9', 'Art. 10', 'Art. 11', 'Annex IV', 'Art. 12', 'Art. 13', 'Art. 14', 'Art. 15', 'Art. 17', 'Art. 72', 'Art. 73']);
    const html = renderReportHtml(acmeReport);
    expect(html.match(/<div class="fw-bars" data-framework="/g)).toHaveLength(3);
  });
});
