/**
 * Speed must not change answers: the same findings with and without worker
 * threads, and with a cold, warm or corrupted cache, on a generated
 * repository large enough for the pool to start.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint, type LintResult } from '@aimslint/core';
import { ensureCorpus } from '../bench/generate.mjs';

const NOW = '2026-11-28';
const findings = (result: LintResult) => result.files.map((file) => [file.path, file.findings]);

describe('results do not depend on workers or the cache', () => {
  let corpus: string;
  let scratch: string;
  let baseline: LintResult;

  beforeAll(async () => {
    corpus = ensureCorpus(1000);
    scratch = mkdtempSync(join(tmpdir(), 'aimslint-parity-'));
    baseline = await lint({ cwd: corpus, now: NOW, workers: 0 });
  }, 60_000);

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('finds real problems in the corpus, so the comparison means something', () => {
    expect(baseline.files).toHaveLength(1000);
    expect(baseline.errorCount).toBeGreaterThan(10);
  });

  it('is the same on two worker threads', async () => {
    const threaded = await lint({ cwd: corpus, now: NOW, workers: 2 });
    expect(threaded.stats.workers).toBe(2);
    expect(findings(threaded)).toEqual(findings(baseline));
  }, 60_000);

  it('is the same from a cold, a warm and a corrupted cache', async () => {
    const cacheLocation = join(scratch, 'cache');
    const cold = await lint({ cwd: corpus, now: NOW, workers: 0, cache: true, cacheLocation });
    const warm = await lint({ cwd: corpus, now: NOW, workers: 0, cache: true, cacheLocation });
    expect(cold.stats.fromCache).toBe(0);
    expect(warm.stats.fromCache).toBe(1000);
    expect(findings(cold)).toEqual(findings(baseline));
    expect(findings(warm)).toEqual(findings(baseline));
    writeFileSync(cacheLocation, 'not a cache');
    const afterCorruption = await lint({ cwd: corpus, now: NOW, workers: 0, cache: true, cacheLocation });
    expect(afterCorruption.stats.fromCache).toBe(0);
    expect(findings(afterCorruption)).toEqual(findings(baseline));
  }, 60_000);
});
