/**
 * The Workspace's incremental passes on a full organisation's documents
 * (examples/acme): after each edit in a sequence an author makes (prose, a
 * heading the SoA cites, an id, a link, an SoA row, a status, a role), its
 * findings, fixes and suggestions included, equal those of a Workspace opened
 * fresh on the same texts and those of a `lint()` run with the same overlay.
 * And the edits that leave the index's shape alone (a heading, a link) report
 * only the files they affect as changed, the others keep their findings.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../model.js';
import { lint } from './lint.js';
import { Workspace } from './workspace.js';

const EXAMPLE = fileURLToPath(new URL('../../../../examples/acme/', import.meta.url));
const NOW = '2026-11-28';
const POLICY = 'aims/ai-policy.md';
const SOA = 'aims/soa.md';

let root = '';
let workspace: Workspace;
const texts = new Map<string, string>();

/** Every file's findings, fixes and suggestions resolved, in path order. */
const resolved = (of: Workspace): [string, Finding[]][] => [...of.findings().keys()].sort().map((path) => [path, of.resolvedFindings(path)]);

async function expectParity(): Promise<void> {
  const fresh = await Workspace.open({ cwd: root, now: NOW });
  for (const [path, text] of texts) fresh.update(path, text);
  const mine = resolved(workspace);
  expect(mine).toEqual(resolved(fresh));
  const run = await lint({ cwd: root, now: NOW, overlay: new Map([...texts].map(([path, text]) => [path, Buffer.from(text, 'utf8')])) });
  expect(mine).toEqual(run.files.filter((file) => file.findings.length > 0).map((file) => [file.path, file.findings]));
}

function edit(path: string, change: (text: string) => string): void {
  const before = texts.get(path) ?? readFileSync(join(root, path), 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${path} changed nothing: the example moved on, update the test`);
  texts.set(path, after);
  workspace.update(path, after);
}

function revert(path: string): void {
  texts.delete(path);
  workspace.update(path);
}

const messagesOf = (path: string): string[] => (workspace.findings().get(path) ?? []).map((finding) => `${finding.ruleId}: ${finding.message}`);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'aimslint-workspace-'));
  cpSync(EXAMPLE, root, { recursive: true });
  workspace = await Workspace.open({ cwd: root, now: NOW });
  workspace.takeChanged();
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('Workspace: incremental passes equal a fresh one', () => {
  it('starts clean, as the example lints', async () => {
    expect(workspace.findings().size).toBe(0);
    await expectParity();
  });

  it('a heading the SoA cites renamed: the SoA row breaks, and only the two files count as changed', async () => {
    edit(POLICY, (text) => text.replace('## Policy review', '## Reviewing this policy'));
    expect(messagesOf(SOA).some((message) => message.startsWith('soa/evidence-broken') && message.includes('#policy-review'))).toBe(true);
    expect(workspace.takeChanged()).toEqual(new Set([POLICY, SOA]));
    await expectParity();
    edit(POLICY, (text) => text.replace('## Reviewing this policy', '## Policy review'));
    expect(messagesOf(SOA)).toEqual([]);
    await expectParity();
  });

  it('prose typed after a reshaping edit keeps the repository findings', async () => {
    edit(POLICY, (text) => text.replace('## Principles', '## Principles we hold'));
    edit(POLICY, (text) => text.replace('## Commitments\n', '## Commitments\n\nTBD.\n'));
    expect(messagesOf(POLICY).some((message) => message.startsWith('content/placeholder'))).toBe(true);
    await expectParity();
  });

  it('a link retargeted, then a second document reshaped in the same pass', async () => {
    edit(POLICY, (text) => text.replace('scope.md#systems-in-scope', 'scope.md#systems-covered'));
    edit('aims/scope.md', (text) => text.replace(/^## Systems in scope$/m, '## Systems covered'));
    await expectParity();
  });

  it('an id renamed: the documents naming it, before and after', async () => {
    edit('systems/credit-scoring/system.md', (text) => text.replace('id: AIS-CREDIT-SCORING', 'id: AIS-CREDIT-SCORE'));
    expect(messagesOf('systems/credit-scoring/model-card.md').some((message) => message.includes('AIS-CREDIT-SCORING'))).toBe(true);
    await expectParity();
    revert('systems/credit-scoring/system.md');
    await expectParity();
  });

  it('an SoA row excluded, an evidence document set back to draft, a role renamed', async () => {
    edit(SOA, (text) => text.replace('| A.2.3 | Alignment with other organizational policies | yes |', '| A.2.3 | Alignment with other organizational policies | no |'));
    await expectParity();
    edit('procedures/monitoring-plan.md', (text) => text.replace('status: approved', 'status: draft'));
    await expectParity();
    edit('aims/roles.md', (text) => text.replace('- id: ROLE-DPO', '- id: ROLE-PRIVACY'));
    await expectParity();
  });

  it('frontmatter typed key by key: a title, an owner, a key added and removed, the YAML broken and mended, the frontmatter gone', async () => {
    edit(POLICY, (text) => text.replace('title: Acme Lending AI Policy', 'title: Acme Lending AI Policy (2026)'));
    await expectParity();
    edit(POLICY, (text) => text.replace('owner: ROLE-AIMS-MANAGER', 'owner: ROLE-AIMS-MANAGR'));
    expect(messagesOf(POLICY).some((message) => message.startsWith('ref/unresolved'))).toBe(true);
    await expectParity();
    edit(POLICY, (text) => text.replace('owner: ROLE-AIMS-MANAGR', 'owner: ROLE-AIMS-MANAGER\nreviewers: [ROLE-DPO]'));
    await expectParity();
    edit(POLICY, (text) => text.replace('\nreviewers: [ROLE-DPO]', ''));
    await expectParity();
    edit('procedures/monitoring-plan.md', (text) => text.replace('status: draft', 'status: [draft'));
    await expectParity();
    edit('procedures/monitoring-plan.md', (text) => text.replace('status: [draft', 'status: approved'));
    await expectParity();
    edit('suppliers/credit-bureau.md', (text) => text.replace(/^---\n[\s\S]*?\n---\n/, ''));
    await expectParity();
    revert('suppliers/credit-bureau.md');
    await expectParity();
  });

  it('a key moved within the frontmatter: findings placed after it move too', async () => {
    edit(POLICY, (text) => text.replace('owner: ROLE-AIMS-MANAGER', 'owner: ROLE-NOBODY'));
    const before = workspace.findings().get(POLICY)?.map((finding) => finding.range.line);
    edit(POLICY, (text) => text.replace(/^(id: .*)\n/m, '$1\n# Reviewed by the board.\n'));
    expect(workspace.findings().get(POLICY)?.map((finding) => finding.range.line)).toEqual(before?.map((line) => line + 1));
    await expectParity();
  });

  it('an inline suppression typed above a finding hides it; one that suppresses nothing is reported', async () => {
    revert(POLICY);
    edit(POLICY, (text) => text.replace('owner: ROLE-AIMS-MANAGER', '# aimslint-disable-next-line ref/unresolved -- the role is being created in PR 88\nowner: ROLE-NOBODY'));
    expect(messagesOf(POLICY).filter((message) => message.startsWith('ref/unresolved'))).toEqual([]);
    await expectParity();
    edit(POLICY, (text) => text.replace('owner: ROLE-NOBODY', 'owner: ROLE-AIMS-MANAGER'));
    expect(messagesOf(POLICY).some((message) => message.startsWith('suppression/unused'))).toBe(true);
    await expectParity();
    revert(POLICY);
  });

  it('the bulk suppressions file counts errors away, as in a run', async () => {
    const path = join(root, 'aimslint-suppressions.json');
    revert(POLICY);
    edit(POLICY, (text) => text.replace('owner: ROLE-AIMS-MANAGER', 'owner: ROLE-NOBODY'));
    writeFileSync(path, JSON.stringify({ [POLICY]: { 'ref/unresolved': { count: 1 } } }));
    try {
      const bulk = await Workspace.open({ cwd: root, now: NOW });
      for (const [edited, text] of texts) bulk.update(edited, text);
      expect((bulk.findings().get(POLICY) ?? []).map((finding) => finding.ruleId)).not.toContain('ref/unresolved');
      workspace = bulk;
      await expectParity();
    } finally {
      rmSync(path);
      revert(POLICY);
    }
  });

  it('a document deleted and another added outside the editor, then an edit', async () => {
    const removed = join(root, 'suppliers/llm-provider.md');
    const kept = readFileSync(removed, 'utf8');
    rmSync(removed);
    writeFileSync(join(root, 'aims/ai-policy-annex.md'), readFileSync(join(root, POLICY), 'utf8').replace('id: POL-001', 'id: POL-001-ANNEX'));
    try {
      await workspace.rediscover();
      await expectParity();
      edit(POLICY, (text) => text.replace('## Principles', '## Our principles'));
      await expectParity();
      revert(POLICY);
    } finally {
      writeFileSync(removed, kept);
      rmSync(join(root, 'aims/ai-policy-annex.md'));
      await workspace.rediscover();
    }
  });

  it('everything read again from the disk: clean again', async () => {
    for (const path of [...texts.keys()]) revert(path);
    expect(workspace.findings().size).toBe(0);
    await expectParity();
  });
});
