import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../errors.js';
import { located, onlyRules, TestRepository } from '../../testing/git-history.js';
import { AMENDED_BODY, policy } from '../../testing/policy-fixture.js';

const RULE = 'doc-control/changed-after-approval';
const config = { 'aimslint.config.json': onlyRules(RULE) };

const message = (commit: string, changes: string, version = '2.1', approvedOn = '2026-03-01', next = '2.2') =>
  `Version ${version} of this document was approved on ${approvedOn} (commit ${commit.slice(0, 7)}), but ${changes} changed since then: ` +
  `raise \`version\` (for example to ${next}) and have the change approved again (a new \`approved_by\`/\`approved_on\`), or undo the change.`;

let repositories: TestRepository[] = [];
afterEach(() => {
  for (const repository of repositories) repository.dispose();
  repositories = [];
});

/** A repository where the policy was drafted, then approved as 2.1; returns it and the approving commit. */
function approvedPolicy(path = 'aims/ai-policy.md'): { repo: TestRepository; approval: string } {
  const repo = TestRepository.create();
  repositories.push(repo);
  repo.write({ ...config, [path]: policy({ status: 'draft' }) }).commit('Draft the AI policy');
  const approval = repo.write({ [path]: policy() }).commit('Approve the AI policy 2.1');
  return { repo, approval };
}

describe(`${RULE} in a full run`, () => {
  it('finds a body edited after approval, at the version key, naming the approving commit', async () => {
    const { repo, approval } = approvedPolicy();
    repo.write({ 'aims/ai-policy.md': policy({ body: AMENDED_BODY }) }).commit('Add a principle');
    expect((await repo.findings(RULE)).map(located)).toEqual([`aims/ai-policy.md:7:1 ${message(approval, 'the body')}`]);
  });

  it('finds a field edited after approval, and an edit not yet committed', async () => {
    const { repo, approval } = approvedPolicy();
    repo.write({ 'aims/ai-policy.md': policy({ title: 'Northwind AI Policy', body: AMENDED_BODY }) });
    expect((await repo.findings(RULE)).map(located)).toEqual([`aims/ai-policy.md:7:1 ${message(approval, 'the body and `title`')}`]);
  });

  it('compares with the commit that set the version, through several later commits', async () => {
    const { repo, approval } = approvedPolicy();
    repo.write({ 'aims/ai-policy.md': policy({ lastReviewed: '2026-06-01' }) }).commit('Review');
    repo.write({ 'aims/ai-policy.md': policy({ lastReviewed: '2026-06-01', body: AMENDED_BODY }) }).commit('Edit');
    expect((await repo.findings(RULE)).map(located)).toEqual([`aims/ai-policy.md:7:1 ${message(approval, 'the body')}`]);
  });

  it('accepts review dates changed after approval, a new approved version, and an edit undone', async () => {
    const { repo } = approvedPolicy();
    repo.write({ 'aims/ai-policy.md': policy({ lastReviewed: '2026-09-01', nextReview: '2027-09-01' }) }).commit('Annual review');
    expect(await repo.findings(RULE)).toEqual([]);
    repo.write({ 'aims/ai-policy.md': policy({ version: '2.2', approvedOn: '2026-10-01', body: AMENDED_BODY }) }).commit('Approve 2.2');
    expect(await repo.findings(RULE)).toEqual([]);
    repo.write({ 'aims/ai-policy.md': policy({ version: '2.2', approvedOn: '2026-10-01', body: `${AMENDED_BODY}4. A typo.\n` }) }).commit('Oops');
    repo.write({ 'aims/ai-policy.md': policy({ version: '2.2', approvedOn: '2026-10-01', body: AMENDED_BODY }) }).commit('Undo');
    expect(await repo.findings(RULE)).toEqual([]);
  });

  it('says nothing of drafts, of a document approved in its first commit, or of CRLF line endings alone', async () => {
    const repo = TestRepository.create();
    repositories.push(repo);
    repo.write({ ...config, 'aims/ai-policy.md': policy() }).commit('Approved from the start');
    repo.write({ 'aims/ai-policy.md': policy().replace(/\n/g, '\r\n') }).commit('Windows line endings');
    repo.write({ 'aims/draft.md': policy({ status: 'draft' }).replace('POL-001', 'POL-002') }).commit('Draft');
    repo.write({ 'aims/draft.md': policy({ status: 'draft', body: AMENDED_BODY }).replace('POL-001', 'POL-002') }).commit('Edit the draft');
    expect(await repo.findings(RULE)).toEqual([]);
  });

  it('follows a rename: the approval made under the old name still binds', async () => {
    const { repo, approval } = approvedPolicy('policies/ai.md');
    repo.move('policies/ai.md', 'aims/ai-policy.md').commit('Move the policy');
    repo.write({ 'aims/ai-policy.md': policy({ body: AMENDED_BODY }) }).commit('Edit after the move');
    expect((await repo.findings(RULE)).map(located)).toEqual([`aims/ai-policy.md:7:1 ${message(approval, 'the body')}`]);
  });

  it('in a shallow clone, judges only the commits it has and says what it needs, without failing', async () => {
    const { repo } = approvedPolicy();
    repo.write({ 'aims/ai-policy.md': policy({ body: AMENDED_BODY }) }).commit('Add a principle');
    const clone = repo.shallowClone();
    repositories.push(clone);
    expect(clone.git('rev-parse', '--is-shallow-repository')).toBe('true');
    const result = await clone.lint();
    expect(result.files.flatMap((file) => file.findings)).toEqual([]);
    expect(result.notices).toEqual([expect.stringContaining('fetch-depth: 0')]);
  });

  it('in a deeper shallow clone, still finds an edit made within the commits it holds', async () => {
    const { repo } = approvedPolicy();
    const review = repo.write({ 'aims/ai-policy.md': policy({ lastReviewed: '2026-06-01' }) }).commit('Review');
    repo.write({ 'aims/ai-policy.md': policy({ lastReviewed: '2026-06-01', body: AMENDED_BODY }) }).commit('Add a principle');
    const clone = repo.shallowClone(2);
    repositories.push(clone);
    const result = await clone.lint();
    // The approving commit is beyond the clone's depth: the oldest commit it holds with the same approval stands in for it.
    expect(result.files.flatMap((file) => file.findings).map(located)).toEqual([`aims/ai-policy.md:7:1 ${message(review, 'the body')}`]);
    expect(result.notices).toEqual([expect.stringContaining('fetch-depth: 0')]);
  });

  it('judges no history when the config is in a subfolder of the checkout (an example inside another project)', async () => {
    const repo = TestRepository.create();
    repositories.push(repo);
    repo.write({ 'example/aimslint.config.json': onlyRules(RULE), 'example/aims/ai-policy.md': policy() }).commit('Example');
    repo.write({ 'example/aims/ai-policy.md': policy({ body: AMENDED_BODY }) }).commit('Edit the example');
    const result = await repo.lint({ cwd: `${repo.root}/example` });
    expect(result.files.flatMap((file) => file.findings)).toEqual([]);
    expect(result.notices).toEqual([]);
  });

  it('judges a subfolder when the config asks (`subfolder: true`): an AIMS kept in a folder of a product repository', async () => {
    const repo = TestRepository.create();
    repositories.push(repo);
    const rules = { ...JSON.parse(onlyRules()).rules, [RULE]: ['error', { subfolder: true }] };
    const approval = repo.write({ 'governance/aimslint.config.json': JSON.stringify({ rules }), 'governance/aims/ai-policy.md': policy() }).commit('Approve');
    repo.write({ 'governance/aims/ai-policy.md': policy({ body: AMENDED_BODY }) }).commit('Edit');
    const result = await repo.lint({ cwd: `${repo.root}/governance` });
    expect(result.files.flatMap((file) => file.findings).map(located)).toEqual([`aims/ai-policy.md:7:1 ${message(approval, 'the body')}`]);
  });

  it('is silent in a repository without commits', async () => {
    const repo = TestRepository.create();
    repositories.push(repo);
    repo.write({ ...config, 'aims/ai-policy.md': policy() });
    expect(await repo.findings(RULE)).toEqual([]);
  });
});

describe(`${RULE} in changed-since mode`, () => {
  it('compares with the merge base: an approved policy edited on a branch without a new version', async () => {
    const { repo, approval } = approvedPolicy();
    repo.git('checkout', '-q', '-b', 'edit-policy');
    repo.write({ 'aims/ai-policy.md': policy({ body: AMENDED_BODY }) }).commit('Add a principle');
    expect((await repo.findings(RULE, { changedSince: 'main' })).map(located)).toEqual([`aims/ai-policy.md:7:1 ${message(approval, 'the body')}`]);
  });

  it('accepts a branch that raises the version and approves again, or approves a draft', async () => {
    const { repo } = approvedPolicy();
    repo.git('checkout', '-q', '-b', 'new-version');
    repo.write({ 'aims/ai-policy.md': policy({ version: '2.2', approvedOn: '2026-11-20', body: AMENDED_BODY }) }).commit('Approve 2.2');
    expect(await repo.findings(RULE, { changedSince: 'main' })).toEqual([]);
    repo.git('checkout', '-q', 'main');
    repo.write({ 'aims/risk-policy.md': policy({ status: 'draft' }).replace('POL-001', 'POL-002') }).commit('Draft');
    repo.git('checkout', '-q', '-b', 'approve-draft');
    repo.write({ 'aims/risk-policy.md': policy({ body: AMENDED_BODY }).replace('POL-001', 'POL-002') }).commit('Approve');
    expect(await repo.findings(RULE, { changedSince: 'main' })).toEqual([]);
  });

  it('ignores what happened before the merge base: only the branch is judged', async () => {
    const { repo } = approvedPolicy();
    repo.write({ 'aims/ai-policy.md': policy({ body: AMENDED_BODY }) }).commit('An old slip on main');
    repo.git('checkout', '-q', '-b', 'review');
    repo.write({ 'aims/ai-policy.md': policy({ body: AMENDED_BODY, lastReviewed: '2026-11-01' }) }).commit('Review');
    expect(await repo.findings(RULE, { changedSince: 'main' })).toEqual([]);
  });

  it('follows a rename made on the branch', async () => {
    const { repo, approval } = approvedPolicy('policies/ai.md');
    repo.git('checkout', '-q', '-b', 'move');
    repo.move('policies/ai.md', 'aims/ai-policy.md').write({ 'aims/ai-policy.md': policy({ body: AMENDED_BODY }) }).commit('Move and edit');
    expect((await repo.findings(RULE, { changedSince: 'main' })).map(located)).toEqual([`aims/ai-policy.md:7:1 ${message(approval, 'the body')}`]);
  });

  it('in a shallow clone, says the history must be fetched (changed-since cannot run without it)', async () => {
    const { repo } = approvedPolicy();
    const clone = repo.shallowClone();
    repositories.push(clone);
    await expect(clone.lint({ changedSince: 'HEAD~1' })).rejects.toThrow(UsageError);
  });
});
