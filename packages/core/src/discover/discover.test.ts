import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load.js';
import { discover } from './discover.js';

let root: string;

function repository(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), 'aimslint-discover-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const pathsIn = async (dir: string) => (await discover(loadConfig({ cwd: dir, paths: [] }))).map((file) => file.path);

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('discover', () => {
  it('finds Markdown files, sorted, and skips node_modules, .git and hidden folders', async () => {
    const dir = repository({
      'aimslint.config.json': '{}',
      'aims/soa.md': '', 'aims/policy.markdown': '', 'README.md': '', 'notes.txt': '',
      'node_modules/pkg/README.md': '', '.git/info.md': '', '.github/PULL_REQUEST_TEMPLATE.md': '',
    });
    expect(await pathsIn(dir)).toEqual(['README.md', 'aims/policy.markdown', 'aims/soa.md']);
  });

  it('honours .gitignore files at every level, and include/exclude globs', async () => {
    const dir = repository({
      'aimslint.config.json': JSON.stringify({ exclude: ['drafts/**'] }),
      '.gitignore': 'build/\n*.tmp.md\n',
      'aims/.gitignore': 'private.md\n',
      'aims/policy.md': '', 'aims/private.md': '', 'aims/x.tmp.md': '', 'build/out.md': '', 'drafts/idea.md': '',
    });
    expect(await pathsIn(dir)).toEqual(['aims/policy.md']);
  });

  it('marks governance folders and assigned types', async () => {
    const dir = repository({
      'aimslint.config.json': JSON.stringify({ governance: ['aims'], assign: [{ files: 'cards/**/README.md', type: 'dataset-card' }] }),
      'aims/policy.md': '', 'cards/imdb/README.md': '', 'README.md': '',
    });
    const files = await discover(loadConfig({ cwd: dir, paths: [] }));
    expect(files.map((file) => [file.path, file.governance, file.mappedType])).toEqual([
      ['README.md', false, undefined],
      ['aims/policy.md', true, undefined],
      ['cards/imdb/README.md', false, 'dataset-card'],
    ]);
  });

  it('does not follow folder links, so a link loop ends; flags linked files that leave the root', async () => {
    const dir = repository({ 'aimslint.config.json': '{}', 'aims/policy.md': '' });
    symlinkSync(join(dir, 'aims'), join(dir, 'aims', 'loop'));
    const outside = mkdtempSync(join(tmpdir(), 'aimslint-outside-'));
    writeFileSync(join(outside, 'secret.md'), '');
    symlinkSync(join(outside, 'secret.md'), join(dir, 'aims', 'secret.md'));
    try {
      const files = await discover(loadConfig({ cwd: dir, paths: [] }));
      expect(files.map((file) => [file.path, file.escapesRoot])).toEqual([['aims/policy.md', false], ['aims/secret.md', true]]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
