import type { RuleSetting, UnknownKeysPolicy } from './types.js';

/** What a preset sets; a config's own settings are laid over it. */
export interface Preset {
  description: string;
  rules: Record<string, RuleSetting>;
  unknownKeys: Record<string, UnknownKeysPolicy>;
}

/**
 * The rules about the AIMS as a whole, by area: a repository that keeps only
 * model and dataset cards has none of it. By area, so a new SoA rule is off
 * in `aimslint:model-cards` without editing this file.
 */
const AIMS_AREAS = ['soa/', 'inventory/', 'aims/', 'roles/', 'supplier/'];
const isAimsRule = (id: string): boolean => AIMS_AREAS.some((area) => id.startsWith(area));

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
    description: 'A repository of model and dataset cards only: no SoA, clause, inventory, role or supplier rules, and a card\'s `system` is optional.',
    // Filled below from the rule list, like strict.
    rules: {},
    unknownKeys: {},
  },
};

export const PRESET_NAMES: readonly string[] = Object.keys(PRESETS);

/** The preset's rule settings; `strict` turns every rule of `ruleIds` into an error, `model-cards` every AIMS-wide one off. */
export function presetRules(name: string, ruleIds: readonly string[]): Record<string, RuleSetting> {
  if (name === 'aimslint:strict') return Object.fromEntries(ruleIds.map((id) => [id, 'error']));
  if (name === 'aimslint:model-cards') {
    // No inventory either: a card's `system` is optional, and not resolved against ai-system documents.
    return { ...Object.fromEntries(ruleIds.filter(isAimsRule).map((id) => [id, 'off'])), 'schema/invalid': ['error', { inventory: false }], 'ref/unresolved': ['error', { inventory: false }] };
  }
  return PRESETS[name]?.rules ?? {};
}
