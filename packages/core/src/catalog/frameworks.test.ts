import { describe, expect, it } from 'vitest';
import { controlsOf, getCatalog } from './index.js';
import { CROSSWALKS, FRAMEWORKS, getFramework } from './frameworks.js';
import { EU_AI_ACT_DATES, whenApplies } from './eu-ai-act-dates.js';
import { evidencedControlId } from '../schemas/definitions.js';

const nist = getFramework('nist-ai-rmf:1.0');
const eu = getFramework('eu-ai-act:2024');

describe('NIST AI RMF 1.0 catalog', () => {
  it('has the Core: 4 functions, 19 categories, 72 subcategories', () => {
    expect(nist?.groups.filter((group) => group.parent === undefined).map((group) => group.id)).toEqual(['GOVERN', 'MAP', 'MEASURE', 'MANAGE']);
    expect(nist?.groups.filter((group) => group.parent !== undefined)).toHaveLength(19);
    expect(nist?.items).toHaveLength(72);
    expect(nist?.items[0]).toMatchObject({ id: 'NIST-AI-RMF:GOVERN-1.1', label: 'GOVERN 1.1', group: 'GOVERN-1' });
    expect(nist?.items.at(-1)?.id).toBe('NIST-AI-RMF:MANAGE-4.3');
  });

  it('counts subcategories per function as the Core does (19, 18, 22, 13)', () => {
    const perFunction = (fn: string) => nist?.items.filter((item) => item.label.startsWith(`${fn} `)).length;
    expect(['GOVERN', 'MAP', 'MEASURE', 'MANAGE'].map(perFunction)).toEqual([19, 18, 22, 13]);
  });
});

describe('EU AI Act catalog', () => {
  it('has the obligations a document base can evidence, each with the role it binds', () => {
    expect(eu?.items.map((item) => item.label)).toEqual([
      'Art. 4', 'Art. 5', 'Art. 9', 'Art. 10', 'Art. 11', 'Annex IV', 'Art. 12', 'Art. 13', 'Art. 14', 'Art. 15', 'Art. 17', 'Art. 26', 'Art. 27', 'Art. 50', 'Art. 72', 'Art. 73',
    ]);
    expect(eu?.items.filter((item) => item.role === 'deployer').map((item) => item.id)).toEqual(['EU-AI-ACT:Art.26', 'EU-AI-ACT:Art.27']);
    expect(eu?.items.every((item) => item.role !== undefined)).toBe(true);
  });
});

describe('every framework', () => {
  it.each(FRAMEWORKS.map((framework) => [framework.id, framework] as const))('%s: unique ids, each in a known group, each accepted in `controls`', (_, framework) => {
    const ids = framework.items.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    const groups = new Set(framework.groups.map((group) => group.id));
    expect(framework.items.filter((item) => !groups.has(item.group))).toEqual([]);
    const pattern = new RegExp(evidencedControlId.pattern);
    expect(ids.filter((id) => !pattern.test(id) || !id.startsWith(`${framework.prefix}:`))).toEqual([]);
    expect(framework.source.url).toMatch(/^https:\/\//);
  });
});

describe('crosswalks', () => {
  it.each(CROSSWALKS.map((crosswalk) => [crosswalk.framework, crosswalk] as const))('%s: every item and target exists, every row has a cited source', (_, crosswalk) => {
    const framework = getFramework(crosswalk.framework);
    const catalog = getCatalog(crosswalk.catalog);
    if (!framework || !catalog) throw new Error('crosswalk names an unknown framework or catalog');
    const items = new Set(framework.items.map((item) => item.id));
    const controls = new Set(controlsOf(catalog).map((control) => control.id));
    expect(crosswalk.rows.filter((row) => !items.has(row.item))).toEqual([]);
    expect(crosswalk.rows.flatMap((row) => row.controls.filter((control) => !controls.has(control)))).toEqual([]);
    for (const row of crosswalk.rows) {
      const source = crosswalk.sources[row.source];
      expect(source, `${row.item} cites ${row.source}`).toBeDefined();
      expect(source?.url).toMatch(/^https:\/\//);
      expect(row.at).not.toBe('');
      expect(row.controls.length).toBeGreaterThan(0);
    }
    expect(crosswalk.note).not.toBe('');
  });

  it('maps the FDIS Annex B numbering to Annex A (NIST GOVERN 1.1 -> A.2.2, A.2.4)', () => {
    const row = CROSSWALKS[0]?.rows.find((candidate) => candidate.item === 'NIST-AI-RMF:GOVERN-1.1');
    expect(row?.controls).toEqual(['A.2.2', 'A.2.4']);
    expect(CROSSWALKS[0]?.rows).toHaveLength(60);
  });
});

describe('EU AI Act dates of application', () => {
  it('has one date per scope, each with a source', () => {
    const scopes = EU_AI_ACT_DATES.map((entry) => entry.scope);
    expect(new Set(scopes).size).toBe(scopes.length);
    expect(EU_AI_ACT_DATES.every((entry) => entry.source.url.startsWith('https://'))).toBe(true);
  });

  it('judges a date against --now', () => {
    expect(whenApplies('prohibited', '2026-11-28')).toBe('have applied since 2025-02-02');
    expect(whenApplies('high-risk-annex-iii', '2026-11-28')).toBe('apply from 2027-12-02');
    expect(whenApplies('high-risk-annex-iii', '2027-12-02')).toBe('have applied since 2027-12-02');
  });
});
