import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lint } from '../engine/lint.js';
import { loadConfig } from './load.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function repoWith(config: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'aimslint-catalogs-'));
  made.push(dir);
  writeFileSync(join(dir, 'aimslint.config.json'), JSON.stringify(config));
  return dir;
}

describe('catalogs in the config', () => {
  it('keeps `catalog:` alone working: the SoA catalog and nothing else', () => {
    const config = loadConfig({ cwd: repoWith({ catalog: 'iso42001:2023' }), paths: [] });
    expect(config).toMatchObject({ catalog: 'iso42001:2023', catalogs: ['iso42001:2023'] });
  });

  it('takes the SoA catalog from `catalogs:` and keeps the frameworks in order', async () => {
    const cwd = repoWith({ catalogs: ['nist-ai-rmf:1.0', 'iso42001:2023', 'eu-ai-act:2024'] });
    expect(loadConfig({ cwd, paths: [] })).toMatchObject({ catalog: 'iso42001:2023', catalogs: ['iso42001:2023', 'nist-ai-rmf:1.0', 'eu-ai-act:2024'] });
    const result = await lint({ cwd, now: '2026-11-28' });
    expect(result.frameworks.map((framework) => framework.id)).toEqual(['nist-ai-rmf:1.0', 'eu-ai-act:2024']);
  });

  it('refuses an unknown name, listing the known ones', async () => {
    await expect(lint({ cwd: repoWith({ catalogs: ['nist-ai-rmf:2.0'] }), now: '2026-11-28' })).rejects.toThrow(
      'unknown catalog "nist-ai-rmf:2.0"; known: iso42001:2023, nist-ai-rmf:1.0, eu-ai-act:2024',
    );
  });

  it('refuses a `catalogs` that is not a list of names', () => {
    expect(() => loadConfig({ cwd: repoWith({ catalogs: 'nist-ai-rmf:1.0' }), paths: [] })).toThrow('"catalogs" must be a list of catalog names');
  });
});
