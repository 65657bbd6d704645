/**
 * Two Workspaces in one process, on two copies of examples/acme, edited in
 * turns: each tracks what its rules read on its own, so after every edit of
 * one, while the other has edits of the same paths pending, each reports what
 * a Workspace opened fresh on its texts reports.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../model.js';
import { Workspace } from './workspace.js';

const EXAMPLE = fileURLToPath(new URL('../../../../examples/acme/', import.meta.url));
const NOW = '2026-11-28';
const POLICY = 'aims/ai-policy.md';
const SOA = 'aims/soa.md';
const PLAN = 'procedures/monitoring-plan.md';

/** One copy of the example, its Workspace and the texts typed into it. */
interface Editor {
  root: string;
  workspace: Workspace;
  texts: Map<string, string>;
}

const editors: Editor[] = [];

async function openCopy(): Promise<Editor> {
  const root = mkdtempSync(join(tmpdir(), 'aimslint-two-workspaces-'));
  cpSync(EXAMPLE, root, { recursive: true });
  const editor = { root, workspace: await Workspace.open({ cwd: root, now: NOW }), texts: new Map<string, string>() };
  editors.push(editor);
  return editor;
}

function edit(editor: Editor, path: string, change: (text: string) => string): void {
  const before = editor.texts.get(path) ?? readFileSync(join(editor.root, path), 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${path} changed nothing: the example moved on, update the test`);
  editor.texts.set(path, after);
  editor.workspace.update(path, after);
}

/** Every file's findings, fixes and suggestions resolved, in path order. */
const resolved = (of: Workspace): [string, Finding[]][] => [...of.findings().keys()].sort().map((path) => [path, of.resolvedFindings(path)]);

async function expectParity(editor: Editor): Promise<void> {
  const fresh = await Workspace.open({ cwd: editor.root, now: NOW });
  for (const [path, text] of editor.texts) fresh.update(path, text);
  expect(resolved(editor.workspace)).toEqual(resolved(fresh));
}

const rulesOf = (editor: Editor, path: string): string[] => (editor.workspace.findings().get(path) ?? []).map((finding) => finding.ruleId);

let a: Editor;
let b: Editor;

beforeAll(async () => {
  a = await openCopy();
  b = await openCopy();
});

afterAll(() => {
  for (const { root } of editors) rmSync(root, { recursive: true, force: true });
});

describe('two Workspaces in one process', () => {
  it('edits of the same documents, in turns, each answered as a fresh Workspace answers', async () => {
    expect(a.workspace.findings().size).toBe(0);
    expect(b.workspace.findings().size).toBe(0);

    // A heading the SoA cites renamed in b only: b's SoA breaks, a's does not.
    edit(b, POLICY, (text) => text.replace('## Policy review', '## Reviewing this policy'));
    edit(a, POLICY, (text) => text.replace('owner: ROLE-AIMS-MANAGER', 'owner: ROLE-AIMS-MANAGR'));
    expect(rulesOf(a, POLICY)).toContain('ref/unresolved');
    expect(rulesOf(a, SOA)).toEqual([]);
    expect(rulesOf(b, SOA)).toContain('soa/evidence-broken');
    expect(rulesOf(b, POLICY)).not.toContain('ref/unresolved');
    await expectParity(a);
    await expectParity(b);

    // Both edit the same documents again, each pass run while the other has an edit pending.
    edit(a, PLAN, (text) => text.replace('status: approved', 'status: draft'));
    edit(b, POLICY, (text) => text.replace('## Reviewing this policy', '## Policy review'));
    edit(b, PLAN, (text) => text.replace('status: approved', 'status: [draft'));
    await expectParity(a);
    edit(a, POLICY, (text) => text.replace('owner: ROLE-AIMS-MANAGR', 'owner: ROLE-AIMS-MANAGER'));
    expect(rulesOf(b, SOA)).toEqual([]);
    await expectParity(b);
    await expectParity(a);

    // Each mends its own status: both back to clean.
    edit(b, PLAN, (text) => text.replace('status: [draft', 'status: approved'));
    edit(a, PLAN, (text) => text.replace('status: draft', 'status: approved'));
    expect(a.workspace.findings().size).toBe(0);
    expect(b.workspace.findings().size).toBe(0);
    await expectParity(a);
    await expectParity(b);
  });
});
