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
import { writeRepository } from '../../packages/core/src/testing/rule-tester.js';
import { listFiles } from './helpers.js';

const disk = vi.hoisted(() => ({ full: false }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeFileSync = (path: realFs.PathOrFileDescriptor, data: string | NodeJS.ArrayBufferView, options?: realFs.WriteFileOptions): void => {
    if (disk.full && String(path).endsWith('.tmp')) {
      const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      fs.writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }
    fs.writeFileSync(path, data, options);
  };
  const appendFileSync = (path: realFs.PathOrFileDescriptor, data: string | Uint8Array): void => {
    if (disk.full) {
      const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      fs.appendFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }
    fs.appendFileSync(path, data);
  };
  // Streamed writes (`replaceFileAtomicallyFrom`) go through a file descriptor: half the bytes land, then the disk is full.
  const writeSync = ((fd: number, data: Uint8Array, offset: number = 0): number => {
    if (disk.full) {
      fs.writeSync(fd, data, offset, Math.floor((data.byteLength - offset) / 2));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }
    return fs.writeSync(fd, data, offset);
  }) as typeof fs.writeSync;
  return { ...fs, writeFileSync, appendFileSync, writeSync, default: { ...fs, writeFileSync, appendFileSync, writeSync } };
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

  const entry = (hash: string) => ({ size: 1, mtimeMs: 1, hash, outcome: {} as never });
  const entriesOf = (count: number, hash = 'h') => new Map(Array.from({ length: count }, (_, i) => [`doc-${i}.md`, entry(hash)]));

  it('a cache rewrite: the error propagates (lint turns it into a notice), the old cache intact, no temporary file', () => {
    const root = writeRepository({});
    try {
      const path = join(root, '.aimslintcache');
      saveCache(path, 'k', readCache(path, 'k'), entriesOf(1));
      const before = realFs.readFileSync(path);
      disk.full = true;
      expect(() => saveCache(path, 'k2', readCache(path, 'k2'), entriesOf(1))).toThrow(/ENOSPC/);
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
      saveCache(path, 'k', readCache(path, 'k'), entriesOf(10));
      const before = realFs.readFileSync(path);
      disk.full = true;
      const changedOne = new Map([...entriesOf(10)].map(([file, e], i) => [file, i === 0 ? entry('changed') : e]));
      expect(() => saveCache(path, 'k', readCache(path, 'k'), changedOne)).toThrow(/ENOSPC/);
      expect(realFs.readFileSync(path)).toEqual(before);
      expect(readCache(path, 'k').entries.get('doc-0.md')?.hash).toBe('h');
    } finally {
      realFs.rmSync(root, { recursive: true, force: true });
    }
  });
});
