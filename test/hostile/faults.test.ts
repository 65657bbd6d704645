/**
 * Faults: unreadable files, files deleted mid-run, corrupt caches, full
 * disks, Ctrl-C. Each ends with a clear message and the right exit status.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { lint, loadConfig } from '@aimslint/core';
import { discover } from '../../packages/core/src/discover/discover.js';
import { processFile } from '../../packages/core/src/engine/process-file.js';
import { readCache, saveCache } from '../../packages/core/src/engine/cache.js';
import { cacheUpdateOf } from '../../packages/core/src/testing/cache-updates.js';
import { SchemaRegistry } from '../../packages/core/src/schemas/registry.js';
import { writeRepository } from '../../packages/core/src/testing/rule-tester.js';
import { CLI, EXAMPLES_ACME, FAST_MS, NOW, listFiles, pinned } from './helpers.js';

function copyExample(): string {
  const root = mkdtempSync(join(tmpdir(), 'aimslint-hostile-acme-'));
  cpSync(EXAMPLES_ACME, root, { recursive: true });
  return root;
}

const isRoot = process.getuid?.() === 0;
const tempFiles = (dir: string) => listFiles(dir).filter((file) => file.endsWith('.tmp'));
const summary = (result: Awaited<ReturnType<typeof lint>>) => result.files.map((file) => [file.path, file.findings.map((f) => [f.ruleId, f.severity, f.range, f.message])]);

describe('unreadable entries', () => {
  it('a FIFO named like a document is reported, never waited on', async () => {
    const root = writeRepository({ 'aimslint.config.json': '{}', 'aims/ok.md': '# ok\n' });
    try {
      execFileSync('mkfifo', [join(root, 'aims/pipe.md')]);
      const started = performance.now();
      const result = await lint({ cwd: root, now: NOW });
      expect(performance.now() - started).toBeLessThan(FAST_MS);
      expect(result.files.find((f) => f.path === 'aims/pipe.md')?.findings.map((f) => [f.ruleId, f.range.line, f.message])).toEqual([
        ['file/unreadable', 1, 'This file could not be read: it is not a regular file (a FIFO, socket or device); it was not opened for reading.'],
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a dangling symbolic link is reported as one', async () => {
    const root = writeRepository({ 'aimslint.config.json': '{}' });
    try {
      symlinkSync('nowhere.md', join(root, 'dangling.md'));
      const result = await lint({ cwd: root, now: NOW });
      expect(result.files[0]?.findings.map((f) => [f.ruleId, f.message])).toEqual([['file/unreadable', 'This file could not be read: it is a symbolic link to nothing.']]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it.skipIf(isRoot)('a file without read permission is reported (skipped as root: root reads it anyway; the FIFO case covers root)', async () => {
    const root = writeRepository({ 'aimslint.config.json': '{}', 'secret.md': '# secret\n' });
    try {
      chmodSync(join(root, 'secret.md'), 0o000);
      const result = await lint({ cwd: root, now: NOW });
      expect(result.files[0]?.findings.map((f) => [f.ruleId, f.message])).toEqual([['file/unreadable', 'This file could not be read: permission denied.']]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a file deleted between discovery and parsing is reported, and the run goes on', async () => {
    const root = writeRepository({ 'aimslint.config.json': '{}', 'a.md': '# a\n', 'b.md': '# b\n' });
    try {
      const config = loadConfig({ cwd: root, paths: [] });
      const files = await discover(config);
      unlinkSync(join(root, 'a.md'));
      const settings = { limits: config.limits, customSchemas: {}, documentRules: [{ id: 'file/unreadable', severity: 'error' as const, options: {} }] };
      const outcomes = files.map((file) => processFile(file, settings, new SchemaRegistry()));
      expect(outcomes.map((o) => [o.document.path, o.document.skipped, o.findings.map((f) => f.message)])).toEqual([
        ['a.md', true, ['This file could not be read: it was deleted while aimslint ran.']],
        ['b.md', false, []],
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('corrupt or truncated cache', () => {
  for (const [name, damage] of [
    ['truncated to half', (path: string) => truncateSync(path, Math.floor(statSync(path).size / 2))],
    ['random bytes', (path: string) => writeFileSync(path, randomBytes(4096))],
    ['empty', (path: string) => writeFileSync(path, '')],
    ['valid v8 data of another shape', (path: string) => writeFileSync(path, Buffer.from([0xff, 0x0f, 0x5f]))],
  ] as const) {
    it(`a cache file that is ${name}: ignored, results equal a cold run, rewritten`, async () => {
      const root = copyExample();
      try {
        const cold = await lint({ cwd: root, now: NOW });
        await lint({ cwd: root, now: NOW, cache: true });
        const cacheFile = join(root, '.aimslintcache');
        damage(cacheFile);
        const damaged = await lint({ cwd: root, now: NOW, cache: true });
        expect(summary(damaged)).toEqual(summary(cold));
        expect(damaged.stats.fromCache).toBe(0);
        expect(damaged.notices).toEqual([]);
        const warm = await lint({ cwd: root, now: NOW, cache: true });
        expect(warm.stats.fromCache).toBe(warm.stats.files);
        expect(summary(warm)).toEqual(summary(cold));
        expect(tempFiles(root)).toEqual([]);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  }

  it('readCache ignores garbage of every length', () => {
    const root = writeRepository({});
    try {
      for (let length = 0; length < 64; length++) {
        writeFileSync(join(root, 'c'), randomBytes(length));
        expect(readCache(join(root, 'c'), 'key').stamps.size).toBe(0);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('full disk and unwritable outputs', () => {
  const cli = (args: string[], cwd = EXAMPLES_ACME) => spawnSync(process.execPath, [CLI, ...args, '--now', NOW], { cwd, encoding: 'utf8', timeout: 20_000 });

  it('-o /dev/full: exit 2, one line, the device is written to (ENOSPC), never renamed over, no temporary file', () => {
    const run = cli(['--format', 'json', '-o', '/dev/full']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^aimslint: cannot write \/dev\/full: ENOSPC[^\n]*\n$/);
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
    expect(readdirSync('/dev').filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('-o /dev/full/x (no such folder): exit 2, one line, nothing left', () => {
    const run = cli(['-o', '/dev/full/report.json']);
    expect([run.status, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toMatch(/^aimslint: cannot write \/dev\/full\/report\.json: (ENOTDIR|EEXIST)[^\n]*\n$/);
    expect(readdirSync('/dev').filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('-o /dev/null and -o /dev/stdout still work (devices are written in place)', () => {
    const nul = cli(['--format', 'json', '-o', '/dev/null']);
    expect([nul.status, nul.stderr]).toEqual([0, '']);
    const stdout = cli(['--format', 'json', '-o', '/dev/stdout']);
    expect(stdout.status).toBe(0);
    expect(JSON.parse(stdout.stdout)).toBeInstanceOf(Array);
  });

  it('a cache that cannot be written (--cache-location /dev/full): a notice, the report on stdout is complete', () => {
    const plain = cli(['--format', 'json']);
    const run = cli(['--format', 'json', '--cache-location', '/dev/full']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(plain.stdout);
    expect(run.stderr).toMatch(/^aimslint: the cache could not be written to \/dev\/full \(\/dev\/full is not a regular file\); results are complete, the next run starts cold\n$/);
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
    expect(readdirSync('/dev').filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('devices as inputs never hang: -c /dev/zero is refused, --cache-location /dev/zero is an empty cache', () => {
    const config = cli(['-c', '/dev/zero']);
    expect([config.status, config.stdout, config.stderr]).toEqual([2, '', 'aimslint: cannot read config /dev/zero: it is not a regular file\n']);
    const cache = cli(['--format', 'json', '--cache-location', '/dev/zero']);
    expect(cache.status).toBe(0);
    expect(cache.stderr).toContain('/dev/zero is not a regular file');
  });

  it('saveCache into a missing folder throws and leaves nothing', () => {
    const root = writeRepository({});
    try {
      const path = join(root, 'missing/cache');
      expect(() => saveCache(path, 'k', readCache(path, 'k'), cacheUpdateOf(1))).toThrow(/ENOENT/);
      expect(listFiles(root)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('Ctrl-C', () => {
  it('SIGINT during a 3,000-file run: exit 130, one line on stderr, no temporary file, no half report', async () => {
    const files: Record<string, string> = { 'aimslint.config.json': '{"governance":["aims"]}' };
    // Long enough bodies that the run lasts well beyond the moment of the signal, even on a fast machine.
    const body = `${'Some governance prose with a [link](other.md) and `code`.\n'.repeat(250)}`;
    for (let i = 0; i < 3000; i++) {
      files[`aims/doc-${i}.md`] = `---\nid: DOC-${i}\ntype: procedure\ntitle: Doc ${i}\nowner: ROLE-X\nstatus: draft\nversion: "1.0"\n---\n# Doc ${i}\n\n${body}`;
    }
    const root = writeRepository(files);
    try {
      const child = spawn(process.execPath, ['--import', SIGINT_READY, CLI, '--cache', '--format', 'json', '-o', 'report.json', '--now', NOW], { cwd: root, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      // On a loaded machine Node may take seconds to start. Wait for the binary's own SIGINT listener (its readiness
      // line on fd 3), not a timer, nor SigCgt: Node installs a native SIGINT handler at start-up that dies by the signal.
      await new Promise((resolve, reject) => {
        child.stdio[3]?.once('data', resolve);
        child.once('exit', () => reject(new Error(`aimslint exited before it listened for SIGINT: ${stderr}`)));
      });
      const started = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(child.exitCode).toBe(null);
      child.kill('SIGINT');
      const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.once('exit', (c, s) => resolve([c, s])));
      expect(performance.now() - started).toBeLessThan(5 * FAST_MS);
      expect([code, signal]).toEqual([130, null]);
      expect(stderr).toBe('aimslint: interrupted by SIGINT\n');
      expect(tempFiles(root)).toEqual([]);
      // Either no report at all or a whole one: never half.
      if (existsSync(join(root, 'report.json'))) expect(() => JSON.parse(readFileSync(join(root, 'report.json'), 'utf8'))).not.toThrow();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

/**
 * Preloaded into the child: once the program adds a `SIGINT` listener (Node starts catching the signal for it
 * synchronously), write a line to fd 3. The microtask runs when the program's first `await` yields, after the
 * listener is in place.
 */
const SIGINT_READY = `data:text/javascript,${encodeURIComponent(
  "import { writeSync } from 'node:fs'; process.on('newListener', (event) => { if (event === 'SIGINT') queueMicrotask(() => writeSync(3, 'ready\\n')); });",
)}`;

void pinned;
