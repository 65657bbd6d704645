import { whenApplies } from '../../catalog/eu-ai-act-dates.js';
import { valueRange } from '../../index/fields.js';
import { defineRepositoryRule } from '../types.js';
import { profiledSystems } from './profile.js';

export default defineRepositoryRule({
  id: 'eu-ai-act/prohibited',
  defaultSeverity: 'error',
  description: 'An AI system in use or in the making whose EU AI Act profile classes it as a prohibited practice (Article 5).',
  serves: ['A.2.3', 'A.5.2'],
  messages: {
    prohibited:
      '{{system}} is classed as a prohibited AI practice under the EU AI Act (Article 5), whose bans {{when}}: it may not be placed on the market or used in the EU. Stop it and set `lifecycle_stage: retired`, or correct `risk` if the classification was wrong.',
  },
  check(index, { now }) {
    return profiledSystems(index)
      .filter((system) => system.risk === 'prohibited')
      .map((system) => ({
        messageId: 'prohibited',
        data: { system: system.id, when: whenApplies('prohibited', now) },
        file: system.document.path,
        range: valueRange(system.document, '/eu_ai_act/risk'),
      }));
  },
});
