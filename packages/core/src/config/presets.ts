import type { RuleSetting, UnknownKeysPolicy } from './types.js';

/** What a preset sets; a config's own settings are laid over it. */
export interface Preset {
  description: string;
  rules: Record<string, RuleSetting>;
  unknownKeys: Record<string, UnknownKeysPolicy>;
}

/** The rules about the AIMS as a whole: a repository that keeps only model and dataset cards has none of it. */
const AIMS_RULES = [
  'soa/missing',
  'soa/control-missing',
  'soa/control-unknown',
  'soa/control-duplicate',
  'soa/exclusion-unjustified',
  'soa/evidence-missing',
  'soa/evidence-broken',
  'soa/evidence-unapproved',
  'soa/evidence-stale',
  'soa/evidence-backlink',
  'soa/excluded-but-claimed',
  'soa/table-unmapped',
  'inventory/incomplete',
  'aims/required-document',
  'roles/unstaffed',
  'roles/untrained',
  'supplier/unassessed',
] as const;

/**
 * ESLint-style shareable settings, named `aimslint:<name>` in `extends`. Data,
 * not code: a config names them, it never loads anything.
 */
export const PRESETS: Readonly<Record<string, Preset>> = {
  'aimslint:recommended': {
    description: 'Every rule at its default severity: a whole AIMS.',
    rules: {},
    unknownKeys: {},
  },
  'aimslint:strict': {
    description: 'Every rule an error, and unknown keys in model and dataset cards a warning.',
    // Filled below from the rule list, so a new rule is strict without editing this table.
    rules: {},
    unknownKeys: { 'model-card': 'warn', 'dataset-card': 'warn' },
  },
  'aimslint:model-cards': {
    description: 'A repository of model and dataset cards only: no SoA, clause, inventory, role or supplier rules.',
    rules: Object.fromEntries(AIMS_RULES.map((id) => [id, 'off'])),
    unknownKeys: {},
  },
};

export const PRESET_NAMES: readonly string[] = Object.keys(PRESETS);

/** The preset's rule settings; `strict` turns every rule of `ruleIds` into an error. */
export function presetRules(name: string, ruleIds: readonly string[]): Record<string, RuleSetting> {
  if (name === 'aimslint:strict') return Object.fromEntries(ruleIds.map((id) => [id, 'error']));
  return PRESETS[name]?.rules ?? {};
}
