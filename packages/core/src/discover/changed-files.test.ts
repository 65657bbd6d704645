import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../engine/lint.js';
import { UsageError } from '../errors.js';
import { affectedPaths, changedFilesSince, idsInFrontmatter } from './changed-files.js';

const doc = (id: string, extra = '', body = ''): string => `---\nid: ${id}\ntype: procedure\ntitle: ${id}\n${extra}---\n# ${id}\n\n${body}\n`;

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.test', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'pipe' });
}

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** A git repository whose documents live in `docs/`, the aimslint root (it holds the config), with one commit tagged `base` and one after it. */
function repositoryWithHistory(): { top: string; root: string } {
  const top = mkdtempSync(join(tmpdir(), 'aimslint-changed-'));
  const root = join(top, 'docs');
  git(top, 'init', '-q', '-b', 'main');
  write(top, { 'outside.md': doc('DOC-OUT') });
  write(root, {
    'aimslint.config.json': '{}\n',
    'a.md': doc('DOC-A'),
    'names-a.md': doc('DOC-B', 'related: [DOC-A]\n'),
    'links-gone.md': doc('DOC-C', '', 'See [the old one](sub/gone%20file.md).'),
    'names-gone.md': doc('DOC-D', 'related: [DOC-GONE2]\n'),
    'sub/gone file.md': doc('DOC-GONE'),
    'gone2.md': doc('DOC-GONE2'),
    'unrelated.md': doc('DOC-E'),
  });
  git(top, 'add', '-A');
  git(top, 'commit', '-q', '-m', 'base');
  git(top, 'tag', 'base');
  write(top, { 'outside.md': doc('DOC-OUT', 'status: draft\n') });
  write(root, { 'a.md': doc('DOC-A', 'status: draft\n'), 'new.md': doc('DOC-F') });
  rmSync(join(root, 'sub/gone file.md'));
  rmSync(join(root, 'gone2.md'));
  git(top, 'add', '-A');
  git(top, 'commit', '-q', '-m', 'change');
  return { top, root };
}

describe('changed-files mode', () => {
  const { top, root } = repositoryWithHistory();
  afterAll(() => rmSync(top, { recursive: true, force: true }));

  it('lists changed and deleted files under the root, relative to it, with the ids the deleted ones defined', async () => {
    const changes = await changedFilesSince(root, 'base');
    expect(changes.changed.sort()).toEqual(['a.md', 'new.md']);
    expect(changes.deleted.sort()).toEqual(['gone2.md', 'sub/gone file.md']);
    expect(changes.deletedIds.sort()).toEqual(['DOC-GONE', 'DOC-GONE2']);
  });

  it('reports changed files and the files that link to or name a changed or deleted file', async () => {
    const result = await lint({ cwd: root, now: '2026-06-01' });
    expect(result.root).toBe(root);
    const affected = affectedPaths(result.index, await changedFilesSince(root, 'base'));
    expect([...affected].sort()).toEqual(['a.md', 'links-gone.md', 'names-a.md', 'names-gone.md', 'new.md']);
    const restricted = await lint({ cwd: root, now: '2026-06-01', changedSince: 'base' });
    expect(restricted.files.map((file) => file.path).sort()).toEqual([...affected].sort());
    expect(restricted.errorCount).toBe(restricted.files.reduce((sum, file) => sum + file.errorCount, 0));
  });

  it('reports everything when the config changed', async () => {
    write(root, { 'aimslint.config.json': '{"rules": {}}\n' });
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'config');
    const all = await lint({ cwd: root, now: '2026-06-01' });
    const changedConfig = await lint({ cwd: root, now: '2026-06-01', changedSince: 'base' });
    expect(changedConfig.files.map((file) => file.path)).toEqual(all.files.map((file) => file.path));
  });

  it('sees edits not yet committed, and new files, as a pre-commit run needs', async () => {
    const { top: otherTop, root: other } = repositoryWithHistory();
    try {
      write(other, { 'a.md': doc('DOC-A', '', 'edited, not committed'), 'brand-new.md': doc('DOC-NEW') });
      const changes = await changedFilesSince(other, 'HEAD');
      expect(changes.changed.sort()).toEqual(['a.md', 'brand-new.md']);
    } finally {
      rmSync(otherTop, { recursive: true, force: true });
    }
  });

  it('refuses a ref that looks like an option, and explains a ref it cannot find', async () => {
    await expect(changedFilesSince(root, '--output=/tmp/x')).rejects.toThrow(UsageError);
    await expect(changedFilesSince(root, 'no-such-ref')).rejects.toThrow(/cannot find what changed since "no-such-ref".*fetch-depth: 0/);
  });

  it('reads document and role ids from frontmatter text', () => {
    expect(idsInFrontmatter('---\nid: ROLES-001\nroles:\n  - id: "ROLE-A"\n    name: A\n---\nid: NOT-THIS\n')).toEqual(['ROLES-001', 'ROLE-A']);
    expect(idsInFrontmatter('# no frontmatter\n')).toEqual([]);
  });
});
