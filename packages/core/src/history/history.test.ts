import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lint } from '../engine/lint.js';
import { findRepository } from '../util/git.js';
import { blobIdOf, parseBatch, parseLog, touchesOf } from './gather.js';
import { compareVersions, contentChanges, controlStateOf, nextMinor } from './state.js';

const LIMITS = { maxAliases: 100, maxDepth: 64 };

describe('parseLog', () => {
  it('reads commits, statuses and renames, whatever bytes a file name holds', () => {
    const output = '\u0001bbb 2026-02-01\0\nR100\0old.md\0\u0001new.md\0M\0x.md\0\u0001aaa 2026-01-01\0\nA\0old.md\0';
    expect(parseLog(output)).toEqual([
      { commit: 'bbb', date: '2026-02-01', changes: [{ status: 'R', path: '\u0001new.md', from: 'old.md' }, { status: 'M', path: 'x.md', from: undefined }] },
      { commit: 'aaa', date: '2026-01-01', changes: [{ status: 'A', path: 'old.md', from: undefined }] },
    ]);
  });
});

describe('touchesOf', () => {
  it('follows renames, including two documents swapping names in one commit, and stops at creation', () => {
    const commits = [
      { commit: 'c3', date: 'd3', changes: [{ status: 'R', path: 'b.md', from: 'a.md' }, { status: 'R', path: 'c.md', from: 'b.md' }] },
      { commit: 'c2', date: 'd2', changes: [{ status: 'M', path: 'a.md', from: undefined }] },
      { commit: 'c1', date: 'd1', changes: [{ status: 'A', path: 'a.md', from: undefined }, { status: 'A', path: 'b.md', from: undefined }] },
      { commit: 'c0', date: 'd0', changes: [{ status: 'M', path: 'a.md', from: undefined }] },
    ];
    const touches = touchesOf(commits, ['b.md', 'c.md']).map(({ document, commit, path, depth }) => [document, commit, path, depth]);
    expect(touches).toEqual([
      [0, 'c3', 'b.md', 0], [1, 'c3', 'c.md', 0],
      [0, 'c2', 'a.md', 1],
      [0, 'c1', 'a.md', 2], [1, 'c1', 'b.md', 1],
    ]);
  });
});

describe('parseBatch', () => {
  it('splits blobs by their byte size (not characters) and marks what is missing', () => {
    const output = Buffer.concat([Buffer.from('aa blob 3\né!\n'), Buffer.from('HEAD:gone.md missing\n'), Buffer.from('bb blob 2\nok\n')]);
    expect(parseBatch(output, 3).map((blob) => blob && `${blob.id}:${blob.bytes.toString('utf8')}`)).toEqual(['aa:é!', undefined, 'bb:ok']);
  });
});

describe('blobIdOf', () => {
  it('is the id git gives the bytes (git hash-object of "hello\\n")', () => {
    expect(blobIdOf(Buffer.from('hello\n'))).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
  });
});

describe('document state', () => {
  const text = (extra: string, body = '# Policy\n') => Buffer.from(`---\nid: POL-001\ntitle: Policy\nversion: "1.0"\nstatus: approved\n${extra}---\n${body}`);

  it('ignores control fields, key order, line endings and trailing blanks; sees the body and other fields', () => {
    const base = controlStateOf(text(''), LIMITS)!;
    expect(contentChanges(base, controlStateOf(text('last_reviewed: 2026-01-01\nnext_review: 2027-01-01\n'), LIMITS)!)).toEqual([]);
    expect(contentChanges(base, controlStateOf(Buffer.from(text('', '# Policy\n\n\n').toString().replace(/\n/g, '\r\n')), LIMITS)!)).toEqual([]);
    expect(contentChanges(base, controlStateOf(text('tags: [a]\n', '# Policy\nMore.\n'), LIMITS)!)).toEqual(['the body', '`tags`']);
    expect(controlStateOf(Buffer.from('# no frontmatter\n'), LIMITS)).toBeUndefined();
  });

  it('compares versions as numbers', () => {
    expect(compareVersions('2.10', '2.9')).toBeGreaterThan(0);
    expect(compareVersions('1.2', '1.2.0')).toBe(0);
    expect(compareVersions('1.2.1', '1.3')).toBeLessThan(0);
    expect(compareVersions('v1', '1.0')).toBeUndefined();
    expect(nextMinor('1.4.3')).toBe('1.5');
  });
});

describe('examples/acme inside this project’s own checkout', () => {
  const acme = fileURLToPath(new URL('../../../../examples/acme/', import.meta.url));
  it.skipIf(findRepository(acme) === undefined)('is not judged by its history here: its config is below the top of the checkout', async () => {
    const result = await lint({ cwd: acme, now: '2026-11-28' });
    expect(result.index.history).toBeUndefined();
    expect(result.files.flatMap((file) => file.findings).filter((finding) => finding.ruleId.startsWith('doc-control/'))).toEqual([]);
    expect(result.notices).toEqual([]);
  });
});
