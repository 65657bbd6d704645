/**
 * Encodings and platforms: BOM, UTF-16, invalid UTF-8, NUL bytes, CRLF and
 * lone CR, tabs, very long lines, Windows-style paths. Positions stay exact.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandLinePath, lint } from '@aimslint/core';
import { writeRepository } from '../../packages/core/src/testing/rule-tester.js';
import { CLI, EXAMPLES_ACME, NOW, lintFixture, pinned } from './helpers.js';

describe('encodings', () => {
  it('each encoding problem is a finding at 1:1, and YAML errors keep their line whatever the line endings', async () => {
    const { result } = await lintFixture('encodings');
    const byFile = Object.fromEntries(result.files.map((file) => [file.path, file.findings.filter((f) => f.ruleId.startsWith('file/') || f.ruleId === 'frontmatter/syntax').map((f) => [f.ruleId, f.range.line, f.range.column, f.message])]));
    expect(byFile['aims/utf16le.md']).toEqual([['file/encoding', 1, 1, 'This file is encoded as UTF-16; save it as UTF-8 so it can be checked.']]);
    expect(byFile['aims/utf16be.md']).toEqual(byFile['aims/utf16le.md']);
    expect(byFile['aims/nul-bytes.md']).toEqual([['file/encoding', 1, 1, 'This file contains NUL bytes, so it is binary, not Markdown; it was skipped. Rename it or exclude it in the config.']]);
    expect(byFile['aims/invalid-utf8.md']).toEqual([['file/encoding', 1, 1, 'This file has bytes that are not valid UTF-8; they show as `\uFFFD`. Save it as UTF-8.']]);
    // `version: [1` on line 7, then `---`: the same finding for lone CR as for BOM + CRLF.
    expect(byFile['aims/lone-cr.md']).toEqual(byFile['aims/bom-crlf.md']);
    expect(byFile['aims/lone-cr.md']?.[0]?.slice(0, 3)).toEqual(['frontmatter/syntax', 8, 1]);
    expect(byFile['aims/tabs.md']).toEqual([['frontmatter/syntax', 7, 1, 'YAML does not allow tabs for indentation; indent with spaces.']]);
    // Skipped files are still listed, so nothing vanishes from the report.
    expect(result.files.map((file) => file.path)).toEqual(['aims/bom-crlf.md', 'aims/invalid-utf8.md', 'aims/lone-cr.md', 'aims/nul-bytes.md', 'aims/tabs.md', 'aims/utf16be.md', 'aims/utf16le.md']);
  });

  it('positions on very long lines and after tabs are exact (UTF-16 columns, a tab is one column)', async () => {
    const long = 'x'.repeat(1_000_000);
    const root = writeRepository({ 'aimslint.config.json': '{}', 'a.md': `---\ntype: procedure\n---\n# A\n\n${long} [broken](missing.md)\n\t\t[tabbed](gone.md)\n\uD83D\uDE00 [emoji](none.md)\n` });
    try {
      const result = await lint({ cwd: root, now: NOW });
      expect(pinned(result, 'link/broken')).toEqual([['link/broken', 'a.md', 6, 1_000_002], ['link/broken', 'a.md', 7, 3], ['link/broken', 'a.md', 8, 4]]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('Windows-style paths on the command line', () => {
  it('commandLinePath reads backslashes as separators only when the path does not exist as written', () => {
    expect(commandLinePath(EXAMPLES_ACME, 'aims\\soa.md')).toBe('aims/soa.md');
    expect(commandLinePath(EXAMPLES_ACME, 'aims\\nothing.md')).toBe('aims\\nothing.md');
    expect(commandLinePath(EXAMPLES_ACME, 'aims/soa.md')).toBe('aims/soa.md');
    const root = writeRepository({ 'aimslint.config.json': '{}', 'a\\b.md': '# a file whose name holds a backslash\n', 'a/b.md': '# another\n' });
    try {
      expect(commandLinePath(root, 'a\\b.md')).toBe('a\\b.md');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('the CLI lints examples\\acme\\aims\\soa.md like examples/acme/aims/soa.md', () => {
    const run = (path: string) => spawnSync(process.execPath, [CLI, path, '--format', 'json', '--now', NOW], { cwd: join(EXAMPLES_ACME, '../..'), encoding: 'utf8', timeout: 20_000 });
    const windows = run('examples\\acme\\aims\\soa.md');
    const posix = run('examples/acme/aims/soa.md');
    expect(windows.stderr).toBe('');
    expect(windows.status).toBe(posix.status);
    expect(windows.stdout).toBe(posix.stdout);
    expect((JSON.parse(windows.stdout) as { filePath: string }[]).map((file) => file.filePath)).toEqual([join(EXAMPLES_ACME, 'aims/soa.md')]);
    const missing = run('examples\\acme\\aims\\nothing.md');
    expect([missing.status, missing.stderr]).toEqual([2, 'aimslint: path not found: examples\\acme\\aims\\nothing.md\n']);
  });
});
