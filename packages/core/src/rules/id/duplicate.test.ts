import { ROLES_DOC } from '../../testing/fixtures.js';
import { md, testRule } from '../../testing/rule-tester.js';
import rule from './duplicate.js';

const doc = (id: string, title: string) => md`
  ---
  id: ${id}
  type: procedure
  title: ${title}
  ---
`;

testRule(rule, {
  valid: [
    { name: 'distinct document and role ids', files: { 'aims/roles.md': ROLES_DOC, 'a.md': doc('PROC-001', 'Oversight'), 'b.md': doc('PROC-002', 'Escalation') } },
    { name: 'files without a type do not define ids', files: { 'a.md': doc('PROC-001', 'Oversight'), 'notes.md': '---\nid: PROC-001\n---\n' } },
  ],
  invalid: [
    {
      name: 'two documents with one id: the second is reported, pointing at the first',
      files: { 'procedures/oversight.md': doc('PROC-001', 'Oversight'), 'procedures/zz-escalation.md': doc('PROC-001', 'Escalation') },
      errors: [{ file: 'procedures/zz-escalation.md', line: 2, column: 5, endColumn: 13, message: '`PROC-001` is already the id of a procedure document (procedures/oversight.md:2); give this document its own id.' }],
    },
    {
      name: 'a document that reuses a role id',
      files: { 'aims/roles.md': ROLES_DOC, 'procedures/x.md': doc('ROLE-DPO', 'Data protection') },
      errors: [{ file: 'procedures/x.md', line: 2, column: 5, messageIncludes: 'is already the id of a role' }],
    },
  ],
});
