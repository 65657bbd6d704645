import { testFixes } from '../../testing/fix-tester.js';
import { ROLES_DOC } from '../../testing/fixtures.js';
import { md } from '../../testing/rule-tester.js';
import rule from './invalid.js';

const policy = (version: string, extra = '') => md`
  ---
  id: POL-001
  type: ai-policy
  title: AI policy # board-approved wording
  owner: ROLE-AIMS-LEAD
  status: draft
  version: ${version}
  ${extra}
  ---
  # AI policy
`;

testFixes(rule, [
  {
    name: 'a numeric version is quoted as written, 1.10 stays 1.10; the comment stays',
    files: { 'aims/roles.md': ROLES_DOC, 'aims/ai-policy.md': policy('1.10') },
    output: { 'aims/ai-policy.md': policy('"1.10"') },
  },
  {
    name: 'a frontmatter that quotes with single quotes gets single quotes',
    files: { 'aims/roles.md': ROLES_DOC, 'aims/ai-policy.md': policy('2.0', "clauses: ['5.2']") },
    output: { 'aims/ai-policy.md': policy("'2.0'", "clauses: ['5.2']") },
  },
  {
    name: 'a misspelt status is only a suggestion: --fix leaves it',
    files: { 'aims/roles.md': ROLES_DOC, 'aims/ai-policy.md': policy('"1.0"').replace('status: draft', 'status: aproved') },
    output: {},
    remaining: 1,
  },
]);
