/** Bugs found in review, each pinned so it stays fixed. */
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, UsageError } from '@aimslint/core';
import { parseInWorkers } from '../packages/core/src/engine/worker-pool.js';
import { writeRepository } from '../packages/core/src/testing/rule-tester.js';

const NOW = '2026-11-28';
const POLICY = '---\nid: POL-001\ntype: ai-policy\ntitle: AI policy\nowner: ROLE-X\nstatus: draft\nversion: "1.0"\n---\n# Policy\n';

async function withRepository<T>(files: Record<string, string>, run: (root: string) => Promise<T>): Promise<T> {
  const root = writeRepository(files);
  try {
    return await run(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('review regressions', () => {
  it('a findings cap never hides an error: counts and the exit status see every finding', async () => {
    const body = `${'See [x](missing.md).\n'.repeat(3)}`;
    const config = (limits: object) => JSON.stringify({ limits, rules: { 'link/broken': 'warn' } });
    const uncapped = await withRepository({ 'aimslint.config.json': config({}), 'p.md': `${POLICY}${body}` }, (root) => lint({ cwd: root, now: NOW }));
    const capped = await withRepository({ 'aimslint.config.json': config({ maxFindingsPerFile: 1 }), 'p.md': `${POLICY}${body}` }, (root) => lint({ cwd: root, now: NOW }));
    expect(uncapped.errorCount).toBeGreaterThan(0);
    expect([capped.errorCount, capped.warningCount]).toEqual([uncapped.errorCount, uncapped.warningCount]);
    expect(capped.files[0]?.findings.map((f) => f.severity)).toEqual(['error', 'warn']);
    expect(capped.files[0]?.findings[1]?.ruleId).toBe('file/too-many-findings');
  });

  it('a rule setting written as ["warn"] works', async () => {
    await withRepository({ 'aimslint.config.json': JSON.stringify({ rules: { 'model-card/section-missing': ['warn'] } }), 'p.md': POLICY }, async (root) => {
      await expect(lint({ cwd: root, now: NOW })).resolves.toBeDefined();
    });
  });

  it('an invalid or escaping custom schema is a usage error that quotes nothing of the file', async () => {
    await withRepository({ 'aimslint.config.json': JSON.stringify({ types: { x: 'x.json' } }), 'x.json': '{"type": 12}' }, async (root) => {
      await expect(lint({ cwd: root, now: NOW })).rejects.toThrow(/is not a valid JSON Schema/);
    });
    await withRepository({ 'aimslint.config.json': JSON.stringify({ types: { x: '/etc/passwd' } }) }, async (root) => {
      const error = await lint({ cwd: root, now: NOW }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toMatch(/must be a file in the config's folder/);
      expect((error as Error).message).not.toMatch(/root:/);
    });
  });

  it('a worker that exits cleanly before answering fails the run instead of hanging', async () => {
    await withRepository({ 'empty.mjs': '' }, async (root) => {
      const files = [{ path: 'a.md', absolute: join(root, 'a.md'), mappedType: undefined, governance: false, escapesRoot: false }];
      const settings = { limits: { maxFileBytes: 1e6, maxAliases: 100, maxDepth: 64, maxFindingsPerFile: 200, maxRunSeconds: 300 }, customSchemas: {}, documentRules: [] };
      await expect(parseInWorkers(files, settings, 1, new URL(`file://${join(root, 'empty.mjs')}`))).rejects.toThrow(/stopped/);
    });
  });

  it('a cache committed to git is never read', async () => {
    await withRepository({ 'aimslint.config.json': '{}', 'p.md': POLICY }, async (root) => {
      await lint({ cwd: root, now: NOW, cache: true });
      execFileSync('git', ['init', '-q'], { cwd: root });
      execFileSync('git', ['add', '-A', '-f'], { cwd: root });
      const result = await lint({ cwd: root, now: NOW, cache: true });
      expect(result.stats.fromCache).toBe(0);
      expect(result.notices.join('\n')).toMatch(/was not used: it is committed to git/);
    });
  });

  it('governance folders may be written with a trailing slash', async () => {
    await withRepository({ 'aimslint.config.json': JSON.stringify({ governance: ['aims/'] }), 'aims/notes.md': '# Notes\n' }, async (root) => {
      const result = await lint({ cwd: root, now: NOW });
      expect(result.files[0]?.findings.map((f) => f.ruleId)).toEqual(['frontmatter/missing']);
    });
  });

  it('control characters from a document are shown, not obeyed', async () => {
    await withRepository({ 'p.md': '---\nid: POL-001\ntype: "nope\\n::error file=a::pwned"\n---\n' }, async (root) => {
      const result = await lint({ cwd: root, now: NOW });
      const message = result.files[0]?.findings.find((f) => f.ruleId === 'schema/type-unknown')?.message ?? '';
      expect(message).toContain('nope\\u000a::error');
      expect(message).not.toContain('\n');
    });
  });

  it('every path named must exist', async () => {
    await withRepository({ 'p.md': POLICY }, async (root) => {
      await expect(lint({ cwd: root, now: NOW, paths: ['p.md', 'missing.md'] })).rejects.toThrow('path not found: missing.md');
    });
  });

  it('changed-files mode also reports what the changed file points at (a model card moved to draft: its AI system)', async () => {
    const system = '---\nid: AIS-A\ntype: ai-system\ntitle: A\nowner: ROLE-X\nstatus: draft\nversion: "1.0"\npurpose: Scores.\nlifecycle_stage: deployed\n---\n';
    const card = (status: string) => `---\nid: MC-A\ntype: model-card\ntitle: A\nowner: ROLE-X\nstatus: ${status}\nversion: "1.0"\nsystem: AIS-A\n---\n`;
    await withRepository({ 'aimslint.config.json': JSON.stringify({ rules: { 'ref/unresolved': 'off', 'schema/invalid': 'off', 'model-card/section-missing': 'off', 'aims/required-document': 'off', 'soa/missing': 'off' } }), 'system.md': system, 'card.md': card('approved') }, async (root) => {
      const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@t.test', ...args], { cwd: root, stdio: 'ignore' });
      git('init', '-q');
      git('add', '-A');
      git('commit', '-qm', 'base');
      writeFileSync(join(root, 'card.md'), card('draft'));
      const result = await lint({ cwd: root, now: NOW, changedSince: 'HEAD' });
      expect(result.files.find((f) => f.path === 'system.md')?.findings.map((f) => f.ruleId)).toEqual(['inventory/incomplete']);
    });
  });
});
