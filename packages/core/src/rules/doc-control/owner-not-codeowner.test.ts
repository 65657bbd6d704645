import { md, testRule } from '../../testing/rule-tester.js';
import rule from './owner-not-codeowner.js';

const roles = (logins: string) => md`
  ---
  id: ROLES-001
  type: roles
  title: AI governance roles
  owner: ROLE-AIMS-MANAGER
  status: approved
  version: "1.2"
  approved_by: ROLE-CRO
  approved_on: 2026-01-10
  last_reviewed: 2026-01-10
  next_review: 2027-01-10
  roles:
    - id: ROLE-CRO
      name: Chief Risk Officer
      holders: ["Katharina Brandt"]
      ${logins}
    - id: ROLE-AIMS-MANAGER
      name: AIMS manager
      holders: ["Jonas Weber"]
  ---
  # Roles
`;

const policy = md`
  ---
  id: POL-001
  type: ai-policy
  title: AI policy
  owner: ROLE-AIMS-MANAGER
  status: approved
  version: "3.0"
  approved_by: ROLE-CRO
  approved_on: 2026-04-02
  last_reviewed: 2026-10-20
  next_review: 2027-10-19
  ---
  # AI policy
`;

const WITH_LOGINS = 'logins: ["@kbrandt", "@northwind/risk-committee"]';

testRule(rule, {
  valid: [
    {
      name: 'the approver is code owner by a folder pattern (roles approved by the same role, owned the same way)',
      files: { 'aims/roles.md': roles(WITH_LOGINS), 'aims/ai-policy.md': policy, '.github/CODEOWNERS': '# AIMS\n*       @northwind/platform\n/aims/  @KBrandt @jweber\n' },
    },
    {
      name: 'the approver’s team owns the file through an extension pattern in the root CODEOWNERS',
      files: { 'aims/roles.md': roles(WITH_LOGINS), 'aims/ai-policy.md': policy, CODEOWNERS: '*.md @northwind/risk-committee\n' },
    },
    { name: 'no CODEOWNERS file: nothing to compare', files: { 'aims/roles.md': roles(WITH_LOGINS), 'aims/ai-policy.md': policy } },
    { name: 'a role without logins is not judged', files: { 'aims/roles.md': roles(''), 'aims/ai-policy.md': policy, '.github/CODEOWNERS': '* @someone\n' } },
  ],
  invalid: [
    {
      name: 'a later line gives the file to other owners (the last match wins)',
      files: { 'aims/roles.md': roles(WITH_LOGINS), 'aims/ai-policy.md': policy, '.github/CODEOWNERS': '/aims/ @kbrandt\n/aims/ai-policy.md @jweber # policy editor\n' },
      errors: [
        { file: 'aims/ai-policy.md', line: 8, column: 14, endColumn: 22, message: 'ROLE-CRO approves this document, but its code owners in .github/CODEOWNERS (line 2: @jweber) include none of @kbrandt @northwind/risk-committee: add one of them to that line so GitHub asks ROLE-CRO to approve every change.' },
      ],
    },
    {
      name: 'no line matches: docs/* owns only the files directly in docs/',
      files: { 'aims/roles.md': roles(WITH_LOGINS), 'docs/aims/ai-policy.md': policy, 'docs/CODEOWNERS': 'docs/* @kbrandt\naims/roles.md @kbrandt\n' },
      errors: [
        { file: 'docs/aims/ai-policy.md', line: 8, column: 14, endColumn: 22, message: 'ROLE-CRO approves this document, but CODEOWNERS (docs/CODEOWNERS) names no code owner for it: add a line such as `/docs/aims/ai-policy.md @kbrandt @northwind/risk-committee` so GitHub asks ROLE-CRO to approve every change.' },
      ],
    },
  ],
});
