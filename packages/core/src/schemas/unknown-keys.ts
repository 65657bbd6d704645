import type { UnknownKeysPolicy } from '../config/types.js';

/**
 * Keys that a model or dataset card on the Hugging Face Hub carries for the
 * Hub itself (its metadata reference). They describe the model or data, so in
 * a card they are never a finding, whatever the unknown-keys policy.
 */
export const HUB_METADATA_KEYS: ReadonlySet<string> = new Set([
  'language', 'license', 'license_name', 'license_link', 'license_details', 'library_name', 'library_version', 'tags', 'datasets',
  'metrics', 'model-index', 'model_name', 'base_model', 'base_model_relation', 'pipeline_tag', 'widget', 'inference', 'thumbnail',
  'co2_eq_emissions', 'new_version', 'extra_gated_prompt', 'extra_gated_fields', 'extra_gated_heading', 'extra_gated_button_content',
  'extra_gated_description', 'gated', 'pretty_name', 'annotations_creators', 'language_creators', 'language_details', 'multilinguality',
  'size_categories', 'source_datasets', 'task_categories', 'task_ids', 'paperswithcode_id', 'configs', 'dataset_info',
  'train-eval-index', 'viewer', 'doi', 'model_creator', 'model_type', 'quantized_by', 'instance_prompt',
]);

/** The card types, whose authors follow other templates too: their unknown keys are allowed unless the config says otherwise. */
const CARD_TYPES: ReadonlySet<string> = new Set(['model-card', 'dataset-card']);

/** The default policy of a type, before the config's `unknownKeys`. */
export function defaultUnknownKeysPolicy(type: string): UnknownKeysPolicy {
  return CARD_TYPES.has(type) ? 'allow' : 'error';
}

/** Whether an unknown key at `pointer` (a JSON pointer to the key) is always allowed in a document of `type`. */
export function alwaysAllowedKey(type: string, key: string, pointer: string): boolean {
  // `x-` is the usual mark of an extension (OpenAPI, JSON Schema tooling): the author says it is deliberate.
  if (key.startsWith('x-')) return true;
  return CARD_TYPES.has(type) && pointer === '' && HUB_METADATA_KEYS.has(key);
}
