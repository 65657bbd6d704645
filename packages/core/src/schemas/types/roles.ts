import { closedObject, documentSchema, field, roleId, text, textList } from '../definitions.js';

/** A GitHub account (`@octocat`) or team (`@acme/ai-governance`), written as CODEOWNERS writes it. */
const githubLogin = { type: 'string', pattern: '^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:/[A-Za-z0-9._-]+)?$' } as const;

const role = closedObject(
  {
    id: field(
      roleId,
      'Role id',
      'The id other documents use for this role (owner, approved_by, ...), starting with ROLE-, such as ROLE-AI-GOV-LEAD. Unique across the repository.',
    ),
    name: field(text, 'Name', 'The role\'s name as people know it, such as "AI governance lead".'),
    holders: field(
      textList,
      'Holders',
      'The people or teams who currently fill the role. Leave empty while the role is vacant.',
    ),
    logins: field(
      { type: 'array', items: githubLogin },
      'GitHub logins',
      'The GitHub accounts (@user) or teams (@org/team) of the holders, as CODEOWNERS names them. With doc-control/owner-not-codeowner on, the documents this role approves must have one of them as code owner, so GitHub asks them to approve every change.',
    ),
    responsibilities: field(textList, 'Responsibilities', 'What the role is answerable for, one duty per item.'),
    authorities: field(
      textList,
      'Authorities',
      'What the role may decide or do on its own authority, such as stopping a deployment.',
    ),
    reports_to: field(roleId, 'Reports to', 'The role (ROLE-...) this role reports to.'),
    description: field(text, 'Description', 'Anything else a reader should know about the role.'),
  },
  ['id', 'name'],
);

export const rolesSchema = documentSchema({
  type: 'roles',
  title: 'Roles and responsibilities',
  description:
    'The governance structure for AI: which roles exist, who holds them, and what each is responsible for. Each role id can be used wherever a role is named.',
  properties: {
    roles: field({ type: 'array', items: role }, 'Roles', 'The roles defined by this document.'),
  },
  required: ['roles'],
  example: {
    id: 'ROLES-001',
    type: 'roles',
    title: 'AI governance roles',
    owner: 'ROLE-AI-GOV-LEAD',
    status: 'approved',
    version: '1.2',
    approved_by: 'ROLE-CEO',
    approved_on: '2026-01-10',
    last_reviewed: '2026-01-10',
    next_review: '2027-01-10',
    controls: ['A.3.2'],
    clauses: ['5.3'],
    roles: [
      {
        id: 'ROLE-CEO',
        name: 'Chief executive',
        holders: ['Dana Okafor'],
        responsibilities: ['Approves the AI policy and the scope of the management system'],
      },
      {
        id: 'ROLE-AI-GOV-LEAD',
        name: 'AI governance lead',
        holders: ['Sam Lindqvist'],
        responsibilities: [
          'Runs the AI management system day to day',
          'Reports on its performance to top management',
        ],
        authorities: ['May halt a deployment that lacks an approved impact assessment'],
        reports_to: 'ROLE-CEO',
      },
    ],
  },
});
