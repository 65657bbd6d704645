import { whenApplies } from '../../catalog/eu-ai-act-dates.js';
import { TRANSPARENCY_REQUIREMENT } from '../../catalog/eu-ai-act-profile.js';
import { stringField, valueRange } from '../../index/fields.js';
import { defineRepositoryRule, type Report } from '../types.js';
import { documentsBySystem, matchRequirement, profiledSystems, typesInWords } from './profile.js';

export default defineRepositoryRule({
  id: 'eu-ai-act/transparency-notice',
  defaultSeverity: 'error',
  description: 'A limited-risk AI system under the EU AI Act without an approved transparency notice (Article 50): people must be told they deal with AI.',
  serves: ['A.8.2', 'A.8.5'],
  messages: {
    missing:
      '{{system}} is a limited-risk AI system under the EU AI Act, so people must be told they are dealing with AI (Article 50, whose duties {{when}}): add an approved {{types}} whose `system` is {{system}} (or whose `systems` lists it) and whose `controls` lists EU-AI-ACT:Art.50, saying how and where people are told.',
    unapproved: '{{system}} needs its transparency notice (EU-AI-ACT:Art.50) approved, but {{path}} is `{{status}}`; have it approved. Article 50 duties {{when}}.',
  },
  check(index, { now }) {
    const about = documentsBySystem(index);
    const when = whenApplies('transparency', now);
    return profiledSystems(index).filter((system) => system.risk === 'limited').flatMap((system): Report[] => {
      const match = matchRequirement(about.get(system.id) ?? [], TRANSPARENCY_REQUIREMENT);
      const range = valueRange(system.document, '/eu_ai_act/risk');
      if (match.state === 'missing') return [{ messageId: 'missing', data: { system: system.id, when, types: typesInWords(TRANSPARENCY_REQUIREMENT.types) }, file: system.document.path, range }];
      if (match.state === 'unapproved') {
        return [{
          messageId: 'unapproved',
          data: { system: system.id, when, path: match.document.path, status: stringField(match.document, 'status') ?? 'without status' },
          file: system.document.path,
          range,
          related: [{ file: match.document.path, range: valueRange(match.document, '/status'), message: 'status' }],
        }];
      }
      return [];
    });
  },
});
