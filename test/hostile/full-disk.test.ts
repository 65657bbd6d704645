/**
 * A disk that fills up half-way through a write (injected: as root no
 * folder can be made read-only, and no small file system can be mounted).
 * The report and the cache are written to a temporary file and renamed: a
 * failure leaves the old file (or none) and no temporary file.
 */
import * as realFs from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../../packages/cli/src/main.js';
import { readCache, saveCache } from '../../packages/core/src/engine/cache.js';
import { cacheUpdateOf } from '../../packages/core/src/testing/cache-updates.js';
import { writeRepository } from '../../packages/core/src/testing/rule-tester.js';
import { listFiles } from './helpers.js';

const disk = vi.hoisted(() => ({ full: false }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  // Reports and the cache are written through descriptors: watch the ones opened for a temporary file or the cache.
  const watched = new Set<number>();
  const openSync = (path: realFs.PathLike, flags: realFs.OpenMode = 'r', mode?: realFs.Mode | null): number => {
    const fd = fs.openSync(path, flags, mode);
    if (/\.tmp$|\.aimslintcache$/.test(String(path))) watched.add(fd);
    return fd;
  };
  const closeSync = (fd: number): void => {
    watched.delete(fd);
    fs.closeSync(fd);
  };
  const writeSync = (fd: number, buffer: NodeJS.ArrayBufferView, offset = 0, length = buffer.byteLength - offset): number => {
    if (disk.full && watched.has(fd)) {
      fs.writeSync(fd, buffer, offset, Math.floor(length / 2));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }
    return fs.writeSync(fd, buffer, offset, length);
  };
  const replaced = { openSync, closeSync, writeSync };
  return { ...fs, ...replaced, default: { ...fs, ...replaced } };
});

afterEach(() => {
  disk.full = false;
});

describe('a disk that fills up during a write', () => {
  it('writeFileAtomic (the CLI -o): a clear error, the old report intact, no temporary file', () => {
    const root = writeRepository({ 'report.json': '{"old":true}' });
    try {
      disk.full = true;
      expect(() => writeFileAtomic(join(root, 'report.json'), JSON.stringify({ big: 'x'.repeat(10_000) }))).toThrow(/^cannot write .*report\.json: the disk is full \(ENOSPC\)$/);
      expect(realFs.readFileSync(join(root, 'report.json'), 'utf8')).toBe('{"old":true}');
      expect(listFiles(root)).toEqual(['report.json']);
      disk.full = false;
      writeFileAtomic(join(root, 'report.json'), '{"new":true}');
      expect(realFs.readFileSync(join(root, 'report.json'), 'utf8')).toBe('{"new":true}');
    } finally {
      realFs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('a cache rewrite: the error propagates (lint turns it into a notice), the old cache intact, no temporary file', () => {
    const root = writeRepository({});
    try {
      const path = join(root, '.aimslintcache');
      saveCache(path, 'k', readCache(path, 'k'), cacheUpdateOf(1));
      const before = realFs.readFileSync(path);
      disk.full = true;
      expect(() => saveCache(path, 'k2', readCache(path, 'k2'), cacheUpdateOf(1))).toThrow(/ENOSPC/);
      expect(realFs.readFileSync(path)).toEqual(before);
      expect(listFiles(root)).toEqual(['.aimslintcache']);
    } finally {
      realFs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('a cache append: cut back to the last whole frame, so the next run reads the cache as it was', () => {
    const root = writeRepository({});
    try {
      const path = join(root, '.aimslintcache');
      saveCache(path, 'k', readCache(path, 'k'), cacheUpdateOf(10));
      const before = realFs.readFileSync(path);
      disk.full = true;
      const changedOne = cacheUpdateOf(10, 'h', { 'doc-0.md': 'changed' });
      expect(() => saveCache(path, 'k', readCache(path, 'k'), { ...changedOne, parsed: new Map() })).toThrow(/ENOSPC/);
      expect(realFs.readFileSync(path)).toEqual(before);
      expect(readCache(path, 'k').stamps.get('doc-0.md')?.hash).toBe('h');
    } finally {
      realFs.rmSync(root, { recursive: true, force: true });
    }
  });
});
