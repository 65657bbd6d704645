import { euAiActToIso42001 } from './crosswalk-eu-ai-act-iso42001.js';
import { nistAiRmfToIso42001 } from './crosswalk-nist-ai-rmf-iso42001.js';
import { euAiAct_2024 } from './eu-ai-act-2024.js';
import { nistAiRmf_1_0 } from './nist-ai-rmf-1.0.js';
import type { Crosswalk, Framework } from './types.js';

/** The frameworks beside ISO/IEC 42001, in the order reports show them. */
export const FRAMEWORKS: readonly Framework[] = [nistAiRmf_1_0, euAiAct_2024];

export const CROSSWALKS: readonly Crosswalk[] = [nistAiRmfToIso42001, euAiActToIso42001];

export function getFramework(id: string): Framework | undefined {
  return FRAMEWORKS.find((framework) => framework.id === id);
}

export function crosswalkOf(frameworkId: string, catalogId: string): Crosswalk | undefined {
  return CROSSWALKS.find((crosswalk) => crosswalk.framework === frameworkId && crosswalk.catalog === catalogId);
}
