import { afterEach, describe, expect, it } from 'vitest';
import { located, onlyRules, TestRepository } from '../../testing/git-history.js';
import { AMENDED_BODY, policy } from '../../testing/policy-fixture.js';

const RULE = 'doc-control/version-not-increased';
const PATH = 'aims/ai-policy.md';

let repositories: TestRepository[] = [];
afterEach(() => {
  for (const repository of repositories) repository.dispose();
  repositories = [];
});

function approvedPolicy(): { repo: TestRepository; approval: string } {
  const repo = TestRepository.create();
  repositories.push(repo);
  const approval = repo.write({ 'aims/ai-policy.md': policy({ version: '2.10' }), 'aimslint.config.json': onlyRules(RULE) }).commit('Approve the AI policy 2.10');
  return { repo, approval };
}

const lower = (commit: string, version: string) =>
  `\`version\` went down from 2.10 (approved in commit ${commit.slice(0, 7)}) to ${version}; versions only go up: write a version above 2.10, such as 2.11.`;
const same = (commit: string) =>
  `The content changed since version 2.10 was approved (commit ${commit.slice(0, 7)}), but \`version\` is still 2.10: raise it, for example to 2.11, so the approved version and this one can be told apart.`;

describe(RULE, () => {
  it('finds a version that went down (compared as numbers: 2.9 is below 2.10)', async () => {
    const { repo, approval } = approvedPolicy();
    repo.write({ [PATH]: policy({ version: '2.9', approvedOn: '2026-06-01', body: AMENDED_BODY }) }).commit('Approve 2.9');
    expect((await repo.findings(RULE)).map(located)).toEqual([`${PATH}:7:10 ${lower(approval, '2.9')}`]);
  });

  it('finds content re-approved under the same version, and a draft of the next revision that kept the number', async () => {
    const { repo, approval } = approvedPolicy();
    repo.write({ [PATH]: policy({ version: '2.10', approvedOn: '2026-06-01', body: AMENDED_BODY }) });
    expect((await repo.findings(RULE)).map(located)).toEqual([`${PATH}:7:10 ${same(approval)}`]);
    repo.write({ [PATH]: policy({ status: 'draft', version: '2.10', body: AMENDED_BODY }) });
    expect((await repo.findings(RULE, { changedSince: 'HEAD' })).map(located)).toEqual([`${PATH}:7:10 ${same(approval)}`]);
  });

  it('accepts a raised version (2.10 to 2.11, 2.10 to 3.0), a re-approval without changes, and a version equal as numbers', async () => {
    const { repo } = approvedPolicy();
    repo.write({ [PATH]: policy({ version: '2.10', approvedOn: '2026-06-01' }) }).commit('Re-approve unchanged');
    expect(await repo.findings(RULE)).toEqual([]);
    repo.write({ [PATH]: policy({ version: '2.11', approvedOn: '2026-07-01', body: AMENDED_BODY }) }).commit('Approve 2.11');
    expect(await repo.findings(RULE)).toEqual([]);
    repo.write({ [PATH]: policy({ status: 'draft', version: '3.0', body: `${AMENDED_BODY}4. New.\n` }) });
    expect(await repo.findings(RULE, { changedSince: 'HEAD' })).toEqual([]);
  });

  it('leaves an edit under the same approval to doc-control/changed-after-approval', async () => {
    const { repo } = approvedPolicy();
    repo.write({ [PATH]: policy({ version: '2.10', body: AMENDED_BODY }) }).commit('Edit');
    expect(await repo.findings(RULE)).toEqual([]);
  });
});
