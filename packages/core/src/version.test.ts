import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VERSION } from './version.js';

describe('VERSION', () => {
  it('is the version of every package, so --version, SARIF and the cache key agree with what was released', () => {
    for (const manifest of ['../package.json', '../../cli/package.json', '../../../package.json']) {
      const { version } = JSON.parse(readFileSync(new URL(manifest, import.meta.url), 'utf8')) as { version: string };
      expect(version, manifest).toBe(VERSION);
    }
  });
});
