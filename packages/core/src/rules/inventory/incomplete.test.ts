import { ROLES_DOC } from '../../testing/fixtures.js';
import { md, testRule } from '../../testing/rule-tester.js';
import rule from './incomplete.js';

const system = (stage: string) => md`
  ---
  id: AIS-CREDIT
  type: ai-system
  title: Credit scoring
  owner: ROLE-AIMS-LEAD
  status: approved
  lifecycle_stage: ${stage}
  ---
`;
const companion = (type: string, id: string, status = 'approved') => md`
  ---
  id: ${id}
  type: ${type}
  title: ${type} for credit scoring
  status: ${status}
  system: AIS-CREDIT
  ---
`;
const complete = {
  'aims/roles.md': ROLES_DOC,
  'systems/credit/system.md': system('deployed'),
  'systems/credit/model-card.md': companion('model-card', 'MC-CREDIT'),
  'systems/credit/risk.md': companion('risk-assessment', 'RA-CREDIT'),
  'systems/credit/impact.md': companion('impact-assessment', 'IA-CREDIT'),
};

testRule(rule, {
  valid: [
    { name: 'a deployed system with all three approved', files: complete },
    { name: 'a system in development needs none yet', files: { 'systems/credit/system.md': system('development') } },
  ],
  invalid: [
    {
      name: 'the model card moved to draft',
      files: { ...complete, 'systems/credit/model-card.md': companion('model-card', 'MC-CREDIT', 'draft') },
      errors: [{ file: 'systems/credit/system.md', line: 7, column: 18, endColumn: 26, message: 'AIS-CREDIT is deployed but its model-card (systems/credit/model-card.md) is not approved; every deployed AI system needs an approved model card, risk assessment and impact assessment whose `system` is AIS-CREDIT.' }],
    },
    {
      name: 'no impact assessment',
      files: { ...complete, 'systems/credit/impact.md': '# moved away\n' },
      errors: [{ file: 'systems/credit/system.md', line: 7, column: 18, messageIncludes: 'is deployed but has no impact-assessment;' }],
    },
  ],
});
