import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { baseRepository, POLICY_DOC } from '../testing/fixtures.js';
import { writeRepository, type Files } from '../testing/rule-tester.js';
import { lint, type LintResult } from './lint.js';

async function lintFiles(files: Files): Promise<LintResult> {
  const root = writeRepository(files);
  try {
    return await lint({ cwd: root, now: '2026-11-28' });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The completeness rules would speak about this tiny repository; these cases are about one file. */
const COMPLETENESS_OFF = { 'aimslint.config.json': JSON.stringify({ rules: { 'aims/required-document': 'off', 'soa/missing': 'off', 'roles/untrained': 'off' } }) };

const rows = (result: LintResult) => result.files.flatMap((file) => file.findings.map((f) => [f.ruleId, f.file, f.range.line, f.range.column]));

describe('no silent default', () => {
  it('without a config, one notice says what was checked and how to change it', async () => {
    const result = await lintFiles({ ...baseRepository(), 'README.md': '# Our AIMS\n' });
    expect(result.notices).toEqual(['no aimslint.config.yaml: 2 files with a frontmatter `type` were checked as governance documents, of 3 Markdown files; to require frontmatter in your AIMS folders, add aimslint.config.yaml with `governance: [aims]`']);
  });

  it('with a config, no notice', async () => {
    const result = await lintFiles({ ...baseRepository(), 'aimslint.config.yaml': 'governance: [aims]\n' });
    expect(result.notices).toEqual([]);
  });

  it('a file in aims/ without frontmatter is a finding at that file, not a silent pass', async () => {
    const result = await lintFiles({ ...baseRepository(), ...COMPLETENESS_OFF, 'aims/notes.md': '# Notes from the board meeting\n' });
    expect(rows(result)).toEqual([['schema/type-missing', 'aims/notes.md', 1, 1]]);
    expect(result.errorCount).toBe(1);
  });

  it('a policy without `type`: one finding at the policy, not unresolved references wherever it is named', async () => {
    const roles = baseRepository()['aims/roles.md'] ?? '';
    const result = await lintFiles({
      ...COMPLETENESS_OFF,
      'aims/roles.md': roles.replace('type: roles\n', '').replace('related: []\n', ''),
      'aims/ai-policy.md': POLICY_DOC,
    });
    expect(rows(result)).toEqual([['schema/type-missing', 'aims/roles.md', 1, 1]]);
  });
});
