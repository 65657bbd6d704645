import { slug } from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { SchemaRegistry } from '../schemas/registry.js';
import { builtinSchemas } from '../schemas/index.js';
import { ANNEX_IV_SECTIONS, HIGH_RISK_REQUIREMENTS, requirementsFor } from './eu-ai-act-profile.js';
import { getFramework } from './frameworks.js';

describe('EU AI Act profile data', () => {
  it('keeps each required heading with the anchor GitHub gives it', () => {
    for (const requirement of HIGH_RISK_REQUIREMENTS) {
      for (const wanted of requirement.headings) expect(wanted.anchor).toBe(slug(wanted.heading));
    }
    expect(ANNEX_IV_SECTIONS).toHaveLength(9);
  });

  it('asks only for obligations of the EU AI Act catalog, bound to the role that requires them', () => {
    const items = new Map(getFramework('eu-ai-act:2024')?.items.map((item) => [item.id, item]));
    for (const requirement of HIGH_RISK_REQUIREMENTS) expect(items.get(requirement.obligation)?.role).toBe(requirement.role);
    expect(requirementsFor('deployer').map((requirement) => requirement.obligation)).toEqual(['EU-AI-ACT:Art.27']);
    expect(requirementsFor('both')).toHaveLength(HIGH_RISK_REQUIREMENTS.length);
  });
});

describe('the schemas accept the profile and framework ids', () => {
  const registry = new SchemaRegistry();
  // The schema's own example (itself a high-risk provider's system), with one change per case.
  const example = (builtinSchemas['ai-system']?.['examples'] as Record<string, unknown>[] | undefined)?.[0] ?? {};
  const system = (extra: Record<string, unknown>) => ({ ...example, ...extra });

  it('takes an eu_ai_act profile and NIST and EU ids in `controls`', () => {
    const profile = { role: 'provider', risk: 'high', annex_iii: 'essential-services', gpai: false };
    expect(registry.validate('ai-system', system({ eu_ai_act: profile, controls: ['A.6.2.2', 'NIST-AI-RMF:MAP-1.1', 'EU-AI-ACT:Art.9', 'EU-AI-ACT:Annex.IV'] }))).toEqual([]);
  });

  it('refuses an unknown role, an area outside Annex III, and ids in no known shape', () => {
    const errorsOf = (extra: Record<string, unknown>) => registry.validate('ai-system', system(extra)).map((error) => error.instancePath);
    expect(errorsOf({ eu_ai_act: { role: 'importer', risk: 'high' } })).toContain('/eu_ai_act/role');
    expect(errorsOf({ eu_ai_act: { role: 'provider', risk: 'high', annex_iii: 'credit' } })).toContain('/eu_ai_act/annex_iii');
    expect(errorsOf({ eu_ai_act: { role: 'provider' } })).toContain('/eu_ai_act');
    expect(errorsOf({ controls: ['EU-AI-ACT:Article 9', 'NIST-AI-RMF:GOVERN1.1'] })).toEqual(['/controls/0', '/controls/1']);
  });
});
