import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { activeRules } from '../engine/lint.js';
import { CARD_REPOSITORY, HF_MODEL_CARD } from '../testing/adoption-fixtures.js';
import { lintFiles } from '../testing/lint-files.js';
import { RULES } from '../rules/index.js';
import { loadConfig } from './load.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** The rules that run, as `id=severity`, for a config file with these settings. */
function rulesFor(settings: Record<string, unknown>, ruleOverrides?: Record<string, 'off' | 'warn' | 'error'>): Record<string, string> {
  const root = mkdtempSync(join(tmpdir(), 'aimslint-presets-'));
  folders.push(root);
  writeFileSync(join(root, 'aimslint.config.json'), JSON.stringify(settings));
  const config = loadConfig({ cwd: root, paths: [], ruleOverrides });
  return Object.fromEntries(activeRules(config).map(({ rule, severity }) => [rule.id, severity]));
}

describe('extends', () => {
  it('aimslint:recommended is what no preset gives: every rule at its default', () => {
    const defaults = Object.fromEntries(RULES.filter((rule) => rule.defaultSeverity !== 'off').map((rule) => [rule.id, rule.defaultSeverity]));
    expect(rulesFor({ extends: ['aimslint:recommended'] })).toEqual(defaults);
    expect(rulesFor({})).toEqual(defaults);
  });

  it('aimslint:strict makes every rule an error, warnings included', () => {
    const rules = rulesFor({ extends: 'aimslint:strict' });
    expect(rules['soa/evidence-backlink']).toBe('error');
    expect(Object.values(rules).every((severity) => severity === 'error')).toBe(true);
    expect(Object.keys(rules)).toHaveLength(RULES.length);
  });

  it('aimslint:model-cards turns off the SoA, clause, inventory, role and supplier rules and keeps the card rules', () => {
    const rules = rulesFor({ extends: ['aimslint:model-cards'] });
    expect(Object.keys(rules).filter((id) => id.startsWith('soa/') || id === 'aims/required-document' || id === 'inventory/incomplete')).toEqual([]);
    expect(rules['model-card/section-missing']).toBe('error');
    expect(rules['schema/invalid']).toBe('error');
  });

  it('aimslint:model-cards keeps no inventory: a card\'s `system` is optional and not resolved', () => {
    const root = mkdtempSync(join(tmpdir(), 'aimslint-presets-'));
    folders.push(root);
    writeFileSync(join(root, 'aimslint.config.json'), JSON.stringify({ extends: ['aimslint:model-cards'] }));
    const config = loadConfig({ cwd: root, paths: [] });
    expect(config.rules['schema/invalid']).toEqual(['error', { inventory: false }]);
    expect(config.rules['ref/unresolved']).toEqual(['error', { inventory: false }]);
  });

  it("lays the config's own rules, then the command line, over the presets", () => {
    const rules = rulesFor({ extends: ['aimslint:model-cards'], rules: { 'soa/missing': 'warn', 'link/broken': 'warn' } }, { 'link/broken': 'off' });
    expect(rules['soa/missing']).toBe('warn');
    expect(rules['link/broken']).toBeUndefined();
    expect(rules['soa/control-missing']).toBeUndefined();
  });

  it('refuses a preset it does not know, naming the ones it does', () => {
    expect(() => rulesFor({ extends: ['eslint:recommended'] })).toThrow('unknown preset "eslint:recommended" in "extends" (known: aimslint:recommended, aimslint:strict, aimslint:model-cards)');
    expect(() => rulesFor({ extends: [3] })).toThrow('"extends" must be a preset name or a list of them');
  });

  it('strict reports unknown keys in cards as warnings, unless the config says otherwise', () => {
    const root = mkdtempSync(join(tmpdir(), 'aimslint-presets-'));
    folders.push(root);
    writeFileSync(join(root, 'aimslint.config.json'), JSON.stringify({ extends: 'aimslint:strict', unknownKeys: { 'dataset-card': 'allow' } }));
    const config = loadConfig({ cwd: root, paths: [] });
    expect(config.rules['schema/invalid']).toEqual(['error', { unknownKeys: { 'model-card': 'warn', 'dataset-card': 'allow' } }]);
  });
});

describe('a repository of Hugging Face-style model cards', () => {
  const findingsOf = async (config: object) => {
    const result = await lintFiles({ ...CARD_REPOSITORY, 'aimslint.config.json': JSON.stringify(config) });
    return result.files.flatMap((file) => file.findings.map((finding) => `${finding.ruleId} ${file.path}`));
  };

  it('lints clean with aimslint:model-cards and no other setting', async () => {
    expect(await findingsOf({ extends: ['aimslint:model-cards'] })).toEqual([]);
  });

  it('with aimslint:model-cards, a card kept without its AI system document, or without `system`, is clean', async () => {
    const withoutSystem = { 'models/translate-de-en/README.md': HF_MODEL_CARD, 'governance/roles.md': CARD_REPOSITORY['governance/roles.md'] };
    const noField = { ...withoutSystem, 'models/translate-de-en/README.md': HF_MODEL_CARD.replace('system: AIS-TRANSLATE\n', '') };
    for (const files of [withoutSystem, noField]) {
      const result = await lintFiles({ ...files, 'aimslint.config.json': JSON.stringify({ extends: ['aimslint:model-cards'] }) });
      expect(result.files.flatMap((file) => file.findings.map((finding) => `${finding.ruleId} ${file.path}`))).toEqual([]);
    }
    const strict = await lintFiles({ ...noField, 'aimslint.config.json': JSON.stringify({ rules: { 'aims/required-document': 'off', 'soa/missing': 'off' } }) });
    expect(strict.files.flatMap((file) => file.findings.map((finding) => finding.message))).toContain('`system` is missing from the frontmatter: add it.');
  });

  it('without the preset, it is told about the AIMS it does not have', async () => {
    const findings = await findingsOf({});
    expect(findings).toContain('soa/missing governance/roles.md');
    expect(findings.filter((finding) => finding.startsWith('aims/required-document')).length).toBeGreaterThan(5);
  });
});
