import { ROLES_DOC } from '../../testing/fixtures.js';
import { md, testRule } from '../../testing/rule-tester.js';
import rule from './unresolved.js';

const SYSTEM = md`
  ---
  id: SYS-CREDIT
  type: ai-system
  title: Credit scoring
  owner: ROLE-AIMS-LEAD
  ---
`;

const modelCard = (system: string, owner = 'ROLE-AIMS-LEAD') => md`
  ---
  id: MC-CREDIT
  type: model-card
  title: Credit scoring model card
  owner: ${owner}
  system: ${system}
  related: [SYS-CREDIT, ROLE-DPO]
  ---
`;

testRule(rule, {
  valid: [
    { name: 'owner, system and related all resolve', files: { 'aims/roles.md': ROLES_DOC, 'systems/credit/system.md': SYSTEM, 'systems/credit/model-card.md': modelCard('SYS-CREDIT') } },
  ],
  invalid: [
    {
      name: 'a system id that does not exist, with a suggestion',
      files: { 'aims/roles.md': ROLES_DOC, 'systems/credit/system.md': SYSTEM, 'systems/credit/model-card.md': modelCard('SYS-CREDT') },
      errors: [{ file: 'systems/credit/model-card.md', line: 6, column: 9, endColumn: 18, message: '`system` names `SYS-CREDT`, but no document or role has that id; it must name an `ai-system` document. Did you mean `SYS-CREDIT`?' }],
    },
    {
      name: 'an owner that is a document, not a role',
      files: { 'aims/roles.md': ROLES_DOC, 'systems/credit/system.md': SYSTEM, 'systems/credit/model-card.md': modelCard('SYS-CREDIT', 'SYS-CREDIT') },
      errors: [{ file: 'systems/credit/model-card.md', line: 5, column: 8, message: '`owner` names `SYS-CREDIT`, which is a document of type `ai-system`; it must name a role.' }],
    },
    {
      name: 'an owner role nobody defined',
      files: { 'systems/credit/system.md': SYSTEM },
      errors: [{ file: 'systems/credit/system.md', line: 5, column: 8, messageIncludes: '`owner` names `ROLE-AIMS-LEAD`, but no document or role has that id' }],
    },
  ],
});
