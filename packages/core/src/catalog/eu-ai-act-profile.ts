/**
 * What the EU AI Act asks of a system, by its profile (`eu_ai_act` in an
 * `ai-system` document), as data the eu-ai-act/* rules read. Names of
 * sections are our own short words for the Regulation's points.
 */

/** Annex III areas, numbered as the Annex numbers them (1 to 8). */
export const ANNEX_III_AREAS = [
  'biometrics',
  'critical-infrastructure',
  'education',
  'employment',
  'essential-services',
  'law-enforcement',
  'migration',
  'justice-democracy',
] as const;

export type EuAiActRole = 'provider' | 'deployer' | 'both';

/** A heading a document must have, and the anchor it gets (GitHub's slug), which is what the index keeps. */
export interface RequiredHeading {
  heading: string;
  anchor: string;
}

const heading = (text: string, anchor: string): RequiredHeading => ({ heading: text, anchor });

/** The nine points of Annex IV, one heading each, in the Annex's order. */
export const ANNEX_IV_SECTIONS: readonly RequiredHeading[] = [
  heading('General description', 'general-description'),
  heading('Design and development', 'design-and-development'),
  heading('Monitoring, functioning and control', 'monitoring-functioning-and-control'),
  heading('Performance metrics', 'performance-metrics'),
  heading('Risk management', 'risk-management'),
  heading('Changes over the life cycle', 'changes-over-the-life-cycle'),
  heading('Standards applied', 'standards-applied'),
  heading('EU declaration of conformity', 'eu-declaration-of-conformity'),
  heading('Post-market monitoring', 'post-market-monitoring'),
];

/** One document a system's profile requires: which obligation it evidences, of which type, with which headings. */
export interface ProfileRequirement {
  obligation: string;
  /** What the author must write, in words: "a risk management record". */
  what: string;
  /** Document types that can hold it. */
  types: readonly string[];
  /** Who must have it; `both` needs everything either role needs. */
  role: 'provider' | 'deployer';
  headings: readonly RequiredHeading[];
}

/** What a high-risk system needs, per role (Articles 9, 11 with Annex IV, 14, 72; Article 27 for deployers). */
export const HIGH_RISK_REQUIREMENTS: readonly ProfileRequirement[] = [
  { obligation: 'EU-AI-ACT:Art.9', what: 'a risk management record', types: ['risk-assessment'], role: 'provider', headings: [] },
  { obligation: 'EU-AI-ACT:Art.11', what: 'technical documentation with the Annex IV sections', types: ['model-card'], role: 'provider', headings: ANNEX_IV_SECTIONS },
  { obligation: 'EU-AI-ACT:Art.14', what: 'a human oversight section', types: ['model-card', 'procedure'], role: 'provider', headings: [heading('Human oversight', 'human-oversight')] },
  { obligation: 'EU-AI-ACT:Art.72', what: 'a post-market monitoring plan', types: ['monitoring-plan'], role: 'provider', headings: [] },
  { obligation: 'EU-AI-ACT:Art.27', what: 'a fundamental rights impact assessment', types: ['impact-assessment'], role: 'deployer', headings: [] },
];

/** What a limited-risk system needs whatever the role (Article 50 binds providers and deployers): the notice that tells people they deal with AI. */
export const TRANSPARENCY_REQUIREMENT: Omit<ProfileRequirement, 'role'> = {
  obligation: 'EU-AI-ACT:Art.50',
  what: 'a transparency notice',
  types: ['procedure', 'model-card'],
  headings: [],
};

export function requirementsFor(role: EuAiActRole): ProfileRequirement[] {
  return HIGH_RISK_REQUIREMENTS.filter((requirement) => role === 'both' || requirement.role === role);
}
