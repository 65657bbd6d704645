/**
 * `aimslint init`: the files of a starter AIMS that lints clean, so a new
 * user edits documents instead of assembling fifteen of them from error
 * messages. Pure data: the CLI writes it, never over an existing file.
 */
import type { Catalog } from '../catalog/types.js';
import { controlsOf } from '../catalog/index.js';

export type StarterPreset = 'recommended' | 'model-cards';
export const STARTER_PRESETS: readonly StarterPreset[] = ['recommended', 'model-cards'];

/**
 * Frontmatter of a starter document: a draft, kept by the AIMS lead unless
 * said otherwise. `title` is quoted (titles hold colons); `more` is YAML as written.
 */
const head = (id: string, type: string, title: string, fields: Record<string, string> = {}, more = ''): string => {
  const lines = Object.entries({ id, type, title: JSON.stringify(title), owner: 'ROLE-AIMS-LEAD', status: 'draft', version: '"0.1"', ...fields }).map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n${more}---\n`;
};

const CONFIG = (preset: StarterPreset): string => `# aimslint settings: https://github.com/aimslint/aimslint#config
extends: ["aimslint:${preset}"]
${preset === 'recommended' ? `rules:
  # The documents clauses 4-10 ask for that this starter does not have yet
  # (objectives, competence, monitoring, audits, management review, corrective
  # action) are listed as warnings; make this "error" once they exist.
  aims/required-document: warn
  # Who holds a role and whether they are trained is checked once the roles
  # have holders; set these to "error" when the training records are in.
  roles/untrained: warn
` : ''}`;

const ROLES = `${head('ROLES-AIMS', 'roles', 'AI governance roles', {}, `roles:
  - id: ROLE-AIMS-LEAD
    name: AIMS lead
    holders: ["Name of the AIMS lead"]
    responsibilities:
      - Keeps the AI management system and its documents current
  - id: ROLE-SYSTEM-OWNER
    name: AI system owner
    holders: ["Name of the system owner"]
    responsibilities:
      - Accountable for one AI system across its life cycle
`)}# AI governance roles

Who is accountable for what in the AI management system. Name a role, not a
person, as a document's \`owner\` or \`approved_by\`, so ownership survives
staff changes.
`;

const SCOPE = `${head('SCOPE-AIMS', 'aims-scope', 'Scope of the AI management system', { ai_systems: '[AIS-EXAMPLE]', clauses: '["4.3"]' })}# Scope of the AI management system

## Organisation and context

Describe the organisation, the AI systems it develops, provides or uses,
and the interested parties and their requirements (clause 4).

## Boundaries

Which units, sites, AI systems and life-cycle stages are in scope, and
which are not, with the reason.
`;

const POLICY = `${head('POL-AI', 'ai-policy', 'AI policy')}# AI policy

## Purpose

Why the organisation uses AI and what it commits to (clause 5.2).

## Principles

The principles every AI system follows: lawful, fair, transparent, with
human oversight proportionate to the risk.

## Policy review

Who reviews this policy, and when.
`;

const SYSTEM = `${head('AIS-EXAMPLE', 'ai-system', 'Example AI system', { owner: 'ROLE-SYSTEM-OWNER', purpose: 'Replace with what the system does and for whom.', lifecycle_stage: 'design' })}# Example AI system

Rename this folder and these ids after your first AI system. While it is in
\`design\` or \`development\` its documents may stay drafts; once it is
\`deployed\`, its model card, risk and impact assessments must be approved.
`;

const MODEL_CARD = `${head('MC-EXAMPLE', 'model-card', 'Model card: example model', { owner: 'ROLE-SYSTEM-OWNER', system: 'AIS-EXAMPLE' })}# Model card: example model

## Intended use

What the model is for, who uses its output, and uses that are out of scope.

## Limitations

Known weaknesses, groups or conditions where it performs worse.

## Training data

Where the training data comes from and how it was prepared.

## Evaluation

How the model was tested, on which data, with which results.

## Human oversight

Who reviews the model's output, and how they can override it.
`;

const RISK = `${head('RA-EXAMPLE', 'risk-assessment', 'AI risk assessment: example AI system', { owner: 'ROLE-SYSTEM-OWNER', system: 'AIS-EXAMPLE', clauses: '["6.1.2", "8.2", "8.3"]' })}# AI risk assessment: example AI system

List the risks of the system with their likelihood, impact and treatment
(clause 6.1.2, 8.2) in the frontmatter's \`risks\`, and explain them here.
`;

const IMPACT = `${head('IA-EXAMPLE', 'impact-assessment', 'AI impact assessment: example AI system', { owner: 'ROLE-SYSTEM-OWNER', system: 'AIS-EXAMPLE', clauses: '["6.1.4", "8.4"]' })}# AI impact assessment: example AI system

Who the system affects (individuals, groups, society) and how (clause
6.1.4, 8.4).
`;

/** Every control of the catalog, undecided: the organisation decides each one. */
function soa(catalog: Catalog): string {
  const rows = controlsOf(catalog).map((control) => `| ${control.id} | ${control.title} | undecided | To be decided: applicable with evidence, or excluded with a reason. | |`);
  return `${head('SOA-AIMS', 'soa', 'Statement of Applicability', { clauses: '["6.1.3"]' })}# Statement of Applicability

Each Annex A control of ${catalog.name}, with the decision on it. Replace
\`undecided\` with \`yes\` (then link the evidence) or \`no\` (then say why it
is excluded).

| Control | Title | Applicable | Justification | Evidence |
|---|---|---|---|---|
${rows.join('\n')}
`;
}

/** The starter repository: path → content. */
export function starterFiles(catalog: Catalog, preset: StarterPreset): Record<string, string> {
  const cards = {
    'aimslint.config.yaml': CONFIG(preset),
    'aims/roles.md': ROLES,
    'systems/example/system.md': SYSTEM,
    'systems/example/model-card.md': MODEL_CARD,
  };
  if (preset === 'model-cards') return cards;
  return {
    ...cards,
    'aims/scope.md': SCOPE,
    'aims/ai-policy.md': POLICY,
    'aims/soa.md': soa(catalog),
    'systems/example/risk-assessment.md': RISK,
    'systems/example/impact-assessment.md': IMPACT,
  };
}
