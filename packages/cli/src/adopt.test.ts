import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './testing/run-cli.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A Hugging Face card (Hub metadata, no aimslint keys), a policy without frontmatter, and notes that are no governance document. */
const HUB_CARD = '---\nlanguage: [de, en]\nlicense: apache-2.0\ndatasets: [wmt19]\n---\n# translate-de-en\n\n## Uses\n\nSupport tickets.\n\n## Bias, Risks, and Limitations\n\nDialects.\n\n## Training Details\n\n### Training Data\n\nWMT19.\n\n## Evaluation\n\nBLEU 39.2.\n';
const POLICY = '# Acme AI Policy\r\n\r\n## Purpose\r\n\r\nWhy we use AI.\r\n';

function repository(): string {
  const root = mkdtempSync(join(tmpdir(), 'aimslint-adopt-'));
  folders.push(root);
  const files: Record<string, string> = { 'models/translate/README.md': HUB_CARD, 'governance/AI-Policy.md': POLICY, 'notes/2026-11-02.md': '# Meeting notes\n' };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('aimslint init --adopt', () => {
  it('proposes types by path and headings as a diff, and writes nothing', async () => {
    const root = repository();
    const { status, stdout } = await runCli(['init', '--adopt'], root);
    expect(status).toBe(0);
    expect(stdout).toContain('--- /dev/null\n+++ b/aimslint.config.yaml\n');
    expect(stdout).toContain('--- a/governance/AI-Policy.md\n+++ b/governance/AI-Policy.md\n@@ -0,0 +1,8 @@ ai-policy: its path names it (governance/AI-Policy.md)\n+---\n+id: POL-GOVERNANCE-AI-POLICY\n+type: ai-policy\n+title: "Acme AI Policy"\n');
    expect(stdout).toContain('@@ -1,1 +1,8 @@ model-card: its headings cover Intended use, Limitations, Training data, Evaluation\n ---\n+id: MC-MODELS-TRANSLATE\n+type: model-card\n');
    expect(stdout).toContain('+# system: required for a model-card, see schemas/model-card.schema.json\n');
    expect(stdout).not.toContain('notes/');
    expect(readFileSync(join(root, 'governance/AI-Policy.md'), 'utf8')).toBe(POLICY);
  });

  it('--write applies it: the frontmatter goes in, the rest of each file stays as it was', async () => {
    const root = repository();
    const { status, stdout } = await runCli(['init', '--adopt', '--write'], root);
    expect(status).toBe(0);
    expect(stdout).toBe('Wrote 3 files\n  aimslint.config.yaml\n  governance/AI-Policy.md\n  models/translate/README.md\n');
    expect(readFileSync(join(root, 'governance/AI-Policy.md'), 'utf8')).toBe(`---\r\nid: POL-GOVERNANCE-AI-POLICY\r\ntype: ai-policy\r\ntitle: "Acme AI Policy"\r\nowner: ROLE-AIMS-LEAD\r\nstatus: draft\r\nversion: "0.1"\r\n---\r\n${POLICY}`);
    const card = readFileSync(join(root, 'models/translate/README.md'), 'utf8');
    expect(card.endsWith(HUB_CARD.slice(4))).toBe(true);
    // What is left is what only the author can say: the system, and who the roles are.
    const linted = await runCli(['--now', '2026-11-28', '--format', 'json'], root);
    const messages = (JSON.parse(linted.stdout) as { messages: { ruleId: string; message: string }[] }[]).flatMap((file) => file.messages);
    // The Hub template's headings count; the one section it has no heading for is reported.
    expect(messages.filter((message) => message.ruleId === 'model-card/section-missing').map((message) => message.message)).toEqual(['This model-card has no `## Human oversight` section; add one that describes it.']);
    expect(messages.filter((message) => message.ruleId === 'schema/invalid').map((message) => message.message)).toEqual(['`system` is missing from the frontmatter: add it.']);
    expect((await runCli(['init', '--adopt'], root)).stdout).toBe('Nothing to adopt: every Markdown file names its type, or none looks like a governance document.\n');
  });
});
