import { mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROLES_DOC } from '../testing/fixtures.js';
import { writeRepository } from '../testing/rule-tester.js';
import { lintAndFix } from './run.js';

const POLICY = ROLES_DOC.replace('version: "1.0"', 'version: 1.0');

describe('lintAndFix', () => {
  it('does not write through a symbolic link, and says so', async () => {
    const root = writeRepository({ 'real/roles.md': POLICY });
    try {
      mkdirSync(join(root, 'aims'));
      symlinkSync(join(root, 'real/roles.md'), join(root, 'aims/roles.md'));
      const run = await lintAndFix({ cwd: root, now: '2026-11-28' }, { write: true });
      expect(run.changed).toEqual(['aims/roles.md', 'real/roles.md']);
      // The other notice is the one every run without a config gives (which files were checked).
      expect(run.result.notices.filter((notice) => !notice.startsWith('no aimslint.config.yaml'))).toEqual(['aims/roles.md was not fixed: it is a symbolic link']);
      expect(readFileSync(join(root, 'real/roles.md'), 'utf8')).toBe(ROLES_DOC);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a dry run writes nothing and carries each fixed file as `output`', async () => {
    const root = writeRepository({ 'aims/roles.md': POLICY });
    try {
      const run = await lintAndFix({ cwd: root, now: '2026-11-28' }, { write: false });
      expect(run.result.files.find((file) => file.path === 'aims/roles.md')?.output).toBe(ROLES_DOC);
      expect(readFileSync(join(root, 'aims/roles.md'), 'utf8')).toBe(POLICY);
      expect(run.passes).toBe(1);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
