import { md } from '../../testing/rule-tester.js';

/** An AI system with an EU AI Act profile, as a lender's inventory would have it. */
export const profiledSystem = (profile: string, id = 'AIS-CREDIT') => md`
  ---
  id: ${id}
  type: ai-system
  title: Retail credit scoring
  owner: ROLE-AIMS-LEAD
  status: approved
  lifecycle_stage: deployed
  eu_ai_act: ${profile}
  ---

  # Retail credit scoring
`;

/** A document about AIS-CREDIT that lists `controls`, with body headings (appended as is: `md` would not dedent them). */
export const companion = (input: { type: string; id: string; controls: string; status?: string; body?: string; system?: string }) => `${md`
  ---
  id: ${input.id}
  type: ${input.type}
  title: ${input.type} for retail credit scoring
  status: ${input.status ?? 'approved'}
  system: ${input.system ?? 'AIS-CREDIT'}
  controls: ${input.controls}
  ---
`}\n${input.body ?? '# Notes'}\n`;
