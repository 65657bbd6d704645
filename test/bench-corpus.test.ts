/**
 * The benchmark's `--doc-size large` corpus: the same documents as the
 * default one, with longer bodies (7-8 KB documents), built deterministically.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureCorpus } from '../bench/generate.mjs';

function documents(dir: string): Map<string, string> {
  const paths = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.md') && !path.startsWith('.'));
  return new Map(paths.map((path) => [relative(dir, join(dir, path)), readFileSync(join(dir, path), 'utf8')]));
}

const frontmatter = (text: string): string => text.slice(0, text.indexOf('\n---\n', 3) + 5);

describe('bench corpus --doc-size large', () => {
  it('holds the default corpus\'s documents, frontmatter unchanged, with bodies that make 7-8 KB documents', () => {
    const normal = documents(ensureCorpus(400));
    const large = documents(ensureCorpus(400, { docSize: 'large' }));
    expect([...large.keys()].sort()).toEqual([...normal.keys()].sort());
    for (const [path, text] of large) expect(frontmatter(text), path).toBe(frontmatter(normal.get(path) ?? ''));
    const sizes = [...large.values()].map((text) => Buffer.byteLength(text)).sort((a, b) => a - b);
    const median = sizes[Math.floor(sizes.length / 2)] ?? 0;
    expect(median).toBeGreaterThan(7000);
    expect(median).toBeLessThan(8200);
    // Every body reaches the large target's floor: no document stays default-sized.
    expect(sizes[0]).toBeGreaterThan(6500);
  }, 60_000);

  it('is the same when built again', () => {
    const first = documents(ensureCorpus(400, { docSize: 'large' }));
    const again = documents(ensureCorpus(400, { docSize: 'large', force: true }));
    expect(again).toEqual(first);
  }, 60_000);
});
