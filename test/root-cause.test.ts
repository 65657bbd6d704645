/**
 * Root cause first: one mistake in one document is one finding, where it is.
 * References to a document aimslint could not read, parse or type are not
 * reported as missing, unapproved or stale, and the outputs list the root
 * cause first.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATTERS, lint } from '@aimslint/core';
import { planAnnotations } from '../packages/action/src/annotations.js';
import { EXAMPLES, findingsAfterEdits, NOW } from './example-repository.js';

const UTF16_BOM = Buffer.from([0xff, 0xfe]);

/** Acme with its roles document saved as UTF-16 (as Windows Notepad's "Unicode" does). */
async function withUtf16Roles<T>(work: (root: string) => Promise<T>): Promise<T> {
  const root = mkdtempSync(join(tmpdir(), 'aimslint-root-cause-'));
  try {
    cpSync(join(EXAMPLES, 'acme'), root, { recursive: true });
    const path = join(root, 'aims/roles.md');
    writeFileSync(path, Buffer.concat([UTF16_BOM, Buffer.from(readFileSync(path, 'utf8'), 'utf16le')]));
    return await work(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('one broken document, one finding', () => {
  it('a roles document saved as UTF-16: the encoding finding alone (was 1 + 100 follow-ons: owners, approvers, SoA evidence, links, clause 5.3)', async () => {
    const result = await withUtf16Roles((root) => lint({ cwd: root, now: NOW }));
    expect(result.files.flatMap((file) => file.findings.map((f) => [f.ruleId, f.file, f.range.line, f.range.column]))).toEqual([
      ['file/encoding', 'aims/roles.md', 1, 1],
    ]);
  });

  it('a YAML syntax error in the roles document: the syntax finding alone, no unresolved owners', async () => {
    expect(await findingsAfterEdits('acme', [{ file: 'aims/roles.md', change: (text) => text.replace('status: approved', 'status: [approved') }])).toEqual([
      ['frontmatter/syntax', 'aims/roles.md', 7, 1],
    ]);
  });

  it('an evidence document whose status is the typo `aproved`: the schema finding there, none at the SoA rows citing it', async () => {
    expect(await findingsAfterEdits('acme', [{ file: 'procedures/human-oversight.md', change: (text) => text.replace('status: approved', 'status: aproved') }])).toEqual([
      ['schema/invalid', 'procedures/human-oversight.md', 6, 9],
    ]);
  });

  it('a supplier assessment with a status typo: no supplier/unassessed at the systems that name it', async () => {
    expect(await findingsAfterEdits('acme', [{ file: 'suppliers/llm-provider.md', change: (text) => text.replace('status: approved', 'status: aproved') }])).toEqual([
      ['schema/invalid', 'suppliers/llm-provider.md', 6, 9],
    ]);
  });

  it('a genuinely missing role is still reported', async () => {
    const findings = await findingsAfterEdits('acme', [
      { file: 'aims/roles.md', change: (text) => text.replace('status: approved', 'status: [approved') },
      { file: 'aims/scope.md', change: (text) => text.replace(/^owner: .*$/m, 'owner: ROLE-NOBODY') },
    ]);
    expect(findings).toEqual([
      ['frontmatter/syntax', 'aims/roles.md', 7, 1],
      ['ref/unresolved', 'aims/scope.md', 5, 8],
    ]);
  });
});

describe('root causes first in the outputs', () => {
  it('annotations and stylish output start with the document that could not be read', async () => {
    const result = await withUtf16Roles(async (root) => {
      writeFileSync(join(root, 'aims/ai-policy.md'), readFileSync(join(root, 'aims/ai-policy.md'), 'utf8').replace(/^owner: .*$/m, 'owner: ROLE-NOBODY'));
      return lint({ cwd: root, now: NOW });
    });
    expect(planAnnotations(result).shown.map((finding) => [finding.ruleId, finding.file])).toEqual([
      ['file/encoding', 'aims/roles.md'],
      ['ref/unresolved', 'aims/ai-policy.md'],
    ]);
    const stylish = FORMATTERS['stylish']?.(result, { color: false, docsBaseUrl: '', toolVersion: '' }) ?? '';
    expect(stylish.indexOf('aims/roles.md')).toBeLessThan(stylish.indexOf('aims/ai-policy.md'));
  });
});
