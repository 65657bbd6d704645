/**
 * The Workspace (the language server's engine) after each edit reports
 * exactly what a fresh run on the same texts reports: the incremental paths
 * (prose edits keep the repository rules' findings; a reshaped document
 * re-checks only the documents that name it) are a speed-up, never a change.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from './lint.js';
import { Workspace } from './workspace.js';

const EXAMPLE = fileURLToPath(new URL('../../../../examples/broken-soa/', import.meta.url));
const NOW = '2026-11-28';

let root = '';
let workspace: Workspace;
const texts = new Map<string, string>();

const rows = (files: Iterable<[string, readonly { ruleId: string; range: { line: number; column: number }; message: string }[]]>) =>
  [...files].flatMap(([path, findings]) => findings.map((f) => `${path}:${f.range.line}:${f.range.column} ${f.ruleId} ${f.message}`)).sort();

async function expectParity(): Promise<void> {
  const overlay = new Map([...texts].map(([path, text]) => [path, Buffer.from(text, 'utf8')]));
  const fresh = await lint({ cwd: root, now: NOW, overlay });
  expect(rows(workspace.findings())).toEqual(rows(fresh.files.map((file) => [file.path, file.findings])));
}

function edit(path: string, change: (text: string) => string): void {
  const before = texts.get(path) ?? readFileSync(join(root, path), 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${path} changed nothing: the example moved on, update the test`);
  texts.set(path, after);
  workspace.update(path, after);
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'aimslint-workspace-'));
  cpSync(EXAMPLE, root, { recursive: true });
  workspace = await Workspace.open({ cwd: root, now: NOW });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('Workspace', () => {
  it('starts with what a run reports', expectParity);

  it('a prose edit: only that document changes', async () => {
    edit('procedures/monitoring.md', (text) => text.replace('## Alert levels\n', '## Alert levels\n\nThe thresholds are TBD.\n'));
    await expectParity();
  });

  it('the heading the SoA cites comes back, and goes again', async () => {
    edit('procedures/monitoring.md', (text) => text.replace('## Alert levels', '## Alert thresholds'));
    await expectParity();
    edit('procedures/monitoring.md', (text) => text.replace('## Alert thresholds', '## Alert levels'));
    await expectParity();
  });

  it('an id renamed: the documents naming it, before and after', async () => {
    edit('systems/triage-assistant.md', (text) => text.replace('id: AIS-TRIAGE', 'id: AIS-TRIAGE-ED'));
    await expectParity();
    edit('systems/triage-assistant.md', (text) => text.replace('id: AIS-TRIAGE-ED', 'id: AIS-TRIAGE'));
    await expectParity();
  });

  it('a broken link typed and fixed, a file read again from the disk', async () => {
    edit('aims/objectives.md', (text) => `${text}\nSee [the register](register.md).\n`);
    await expectParity();
    texts.delete('aims/objectives.md');
    workspace.update('aims/objectives.md');
    await expectParity();
  });
});
