import { afterEach, describe, expect, it } from 'vitest';
import { TestRepository } from '../testing/git-history.js';
import { AMENDED_BODY, policy } from '../testing/policy-fixture.js';
import { buildReport } from './build.js';
import { renderReportHtml } from './html.js';
import { renderReportMarkdown } from './markdown.js';

let repositories: TestRepository[] = [];
afterEach(() => {
  for (const repository of repositories) repository.dispose();
  repositories = [];
});

describe('change history in the report', () => {
  it('lists each version of a document with its approval and the commit that made it, newest first', async () => {
    const repo = TestRepository.create();
    repositories.push(repo);
    const draft = repo.write({ 'aims/ai-policy.md': policy({ status: 'draft', version: '2.0' }) }).commit('Draft 2.0');
    const approved = repo.write({ 'aims/ai-policy.md': policy() }).commit('Approve 2.1');
    repo.write({ 'aims/ai-policy.md': policy({ lastReviewed: '2026-09-01', nextReview: '2027-09-01' }) }).commit('Annual review');
    const next = repo.write({ 'aims/ai-policy.md': policy({ version: '2.2', approvedOn: '2026-10-01', body: AMENDED_BODY }) }).commit('Approve 2.2');
    const date = repo.git('show', '-s', '--format=%cs', next);
    const report = buildReport(await repo.lint());
    const entry = (version: string, status: string, approvedOn: string | undefined, commit: string, commits: number) =>
      ({ version, status, approvedOn, approvedBy: approvedOn && 'ROLE-CRO', commit, committedOn: date, commits });
    expect(report.history?.documents).toEqual([{
      document: { path: 'aims/ai-policy.md', id: 'POL-001', title: 'Northwind Credit AI Policy', type: 'ai-policy', status: 'approved' },
      versions: [entry('2.2', 'approved', '2026-10-01', next, 1), entry('2.1', 'approved', '2026-03-01', approved, 2), entry('2.0', 'draft', undefined, draft, 1)],
      olderVersions: 0,
    }]);
    const markdown = renderReportMarkdown(report);
    expect(markdown).toContain('## Change history (document control, clause 7.5.3)');
    expect(markdown).toContain(`| [POL-001](aims/ai-policy.md) | 2.2 | approved | 2026-10-01 | ROLE-CRO | \`${next.slice(0, 7)}\` ${date} | 1 |`);
    expect(markdown).toContain(`|  | 2.1 | approved | 2026-03-01 | ROLE-CRO | \`${approved.slice(0, 7)}\` ${date} | 2 |`);
    expect(renderReportHtml(report)).toContain(`<td>2.0</td><td>draft</td><td></td><td></td><td><code>${draft.slice(0, 7)}</code> ${date}</td><td>1</td>`);
  });

  it('has no such section when the run read no history', async () => {
    const repo = TestRepository.create();
    repositories.push(repo);
    repo.write({ 'aims/ai-policy.md': policy() });
    const report = buildReport(await repo.lint());
    expect(report.history).toBeUndefined();
    expect(renderReportMarkdown(report)).not.toContain('Change history');
  });
});
