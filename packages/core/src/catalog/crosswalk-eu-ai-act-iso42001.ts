import type { Crosswalk } from './types.js';

/**
 * EU AI Act obligations to ISO/IEC 42001:2023 Annex A controls. Empty on
 * purpose: no public mapping we could check names Annex A controls per
 * Article with ids that exist (those we found cite ids such as A.5.1 or
 * A.6.10 that the standard does not have), and the harmonised standards the
 * Commission requested under Article 40 are not published. Until a source
 * we can cite exists, EU AI Act items are evidenced directly: a document
 * lists `EU-AI-ACT:Art.9` in its `controls`.
 */
export const euAiActToIso42001: Crosswalk = {
  framework: 'eu-ai-act:2024',
  catalog: 'iso42001:2023',
  sources: {},
  note: 'No row: no verifiable public source maps the Articles to Annex A controls yet; evidence EU AI Act items directly in `controls`.',
  rows: [],
};
