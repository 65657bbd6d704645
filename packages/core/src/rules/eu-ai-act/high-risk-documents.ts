import { whenApplies } from '../../catalog/eu-ai-act-dates.js';
import { requirementsFor } from '../../catalog/eu-ai-act-profile.js';
import { frontmatterRange, stringField, valueRange } from '../../index/fields.js';
import { defineRepositoryRule, type Report } from '../types.js';
import { documentsBySystem, highRiskScope, matchRequirement, profiledSystems, typesInWords } from './profile.js';

export default defineRepositoryRule({
  id: 'eu-ai-act/high-risk-documents',
  defaultSeverity: 'error',
  description:
    'A high-risk AI system under the EU AI Act without the documents its role requires: for providers a risk management record, technical documentation with the Annex IV sections, a human oversight section and a post-market monitoring plan; for deployers a fundamental rights impact assessment.',
  serves: ['A.5.2', 'A.5.3', 'A.6.2.6', 'A.6.2.7'],
  messages: {
    missing:
      '{{system}} is a high-risk AI system under the EU AI Act and you are its {{role}}, so it needs {{what}} ({{obligation}}): an approved {{types}} whose `system` is {{system}} and whose `controls` lists {{obligation}}. These obligations {{when}}.',
    unapproved: '{{system}} needs {{what}} ({{obligation}}) approved, but {{path}} is `{{status}}`; have it approved. These obligations {{when}}.',
    headings: '{{path}} is the {{what}} of {{system}} ({{obligation}}) but has no heading {{headings}}; add a section under each (a heading of any level). These obligations {{when}}.',
  },
  check(index, { now }) {
    const about = documentsBySystem(index);
    return profiledSystems(index).filter((system) => system.risk === 'high').flatMap((system) => {
      const when = whenApplies(highRiskScope(system), now);
      return requirementsFor(system.role).flatMap((requirement): Report[] => {
        const match = matchRequirement(about.get(system.id) ?? [], requirement);
        const common = { system: system.id, what: requirement.what, obligation: requirement.obligation, when };
        switch (match.state) {
          case 'missing':
            return [{
              messageId: 'missing',
              data: { ...common, role: requirement.role, types: typesInWords(requirement.types) },
              file: system.document.path,
              range: valueRange(system.document, '/eu_ai_act/risk'),
            }];
          case 'unapproved':
            return [{
              messageId: 'unapproved',
              data: { ...common, path: match.document.path, status: stringField(match.document, 'status') ?? 'without status' },
              file: system.document.path,
              range: valueRange(system.document, '/eu_ai_act/risk'),
              related: [{ file: match.document.path, range: valueRange(match.document, '/status'), message: 'status' }],
            }];
          case 'approved':
            return match.missingHeadings.length === 0 ? [] : [{
              messageId: 'headings',
              data: { ...common, path: match.document.path, headings: match.missingHeadings.map((heading) => `\`${heading}\``).join(', ') },
              file: match.document.path,
              range: frontmatterRange(match.document),
            }];
        }
      });
    });
  },
});
