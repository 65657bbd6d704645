import { md, testRule } from '../../testing/rule-tester.js';
import unstaffed from './unstaffed.js';
import untrained from './untrained.js';

const roles = (holders: string) => md`
  ---
  id: ROLES-001
  type: roles
  title: Roles
  owner: ROLE-AIMS-LEAD
  roles:
    - id: ROLE-AIMS-LEAD
      name: AIMS lead
      holders: [${holders}]
    - id: ROLE-UNUSED
      name: Nobody's role
      holders: []
  ---
`;
const training = (holder: string, completed: string, extra = '') => md`
  ---
  id: TR-${holder.toUpperCase().replace(/\s+/g, '-')}
  type: training-record
  title: AIMS training
  owner: ROLE-AIMS-LEAD
  status: approved
  holder: ${holder}
  role: ROLE-AIMS-LEAD
  completed_on: ${completed}
  ${extra}
  ---
`;

testRule(unstaffed, {
  valid: [{ name: 'an accountable role with a holder; an unused role may be empty', files: { 'aims/roles.md': roles('Dana Weber') } }],
  invalid: [{
    name: 'the owning role has no holders',
    files: { 'aims/roles.md': roles('') },
    errors: [{ file: 'aims/roles.md', line: 7, column: 9, endColumn: 23, message: 'ROLE-AIMS-LEAD owns or approves one document but has no `holders`; name the people who hold it.' }],
  }],
});

testRule(untrained, {
  valid: [
    { name: 'training within 12 months', now: '2026-11-28', files: { 'aims/roles.md': roles('Dana Weber'), 'training/dana.md': training('Dana Weber', '2026-01-15') } },
  ],
  invalid: [
    {
      name: 'no training record',
      files: { 'aims/roles.md': roles('Dana Weber') },
      errors: [{ file: 'aims/roles.md', line: 7, column: 9, message: 'Dana Weber holds ROLE-AIMS-LEAD but has no current training record for it (a `training-record` with `holder: Dana Weber`, `role: ROLE-AIMS-LEAD`, completed in the last 12 months).' }],
    },
    {
      name: 'training older than 12 months',
      now: '2026-11-28',
      files: { 'aims/roles.md': roles('Dana Weber'), 'training/dana.md': training('Dana Weber', '2025-11-27') },
      errors: [{ file: 'aims/roles.md', line: 7, column: 9, messageIncludes: 'Dana Weber holds ROLE-AIMS-LEAD' }],
    },
    {
      name: 'training that expired early',
      now: '2026-11-28',
      files: { 'aims/roles.md': roles('Dana Weber'), 'training/dana.md': training('Dana Weber', '2026-06-01', 'expires_on: 2026-09-01') },
      errors: [{ file: 'aims/roles.md', line: 7, column: 9, messageIncludes: 'Dana Weber holds ROLE-AIMS-LEAD' }],
    },
  ],
});
