import { md, testRule } from '../../testing/rule-tester.js';
import unresolved from './unresolved.js';
import invalid from '../schema/invalid.js';

const FILE = 'aims/ai-policy.md';
const policy = (owner: string, approver = 'ROLE-AIMS-LEAD', review = 'next_review: 2027-03-01') => md`
  ---
  id: POL-001
  type: ai-policy
  title: AI policy
  owner: ${owner}
  status: approved
  version: "2.1"
  approved_by: ${approver}
  approved_on: 2026-03-01
  last_reviewed: 2026-03-01
  ${review}
  ---
  # AI policy
`;
const ROLES = md`
  ---
  id: ROLES-001
  type: roles
  title: Roles
  owner: ROLE-AIMS-LEAD
  status: draft
  version: "1.0"
  roles:
    - id: ROLE-AIMS-LEAD
      name: AIMS lead
      holders: [Dana Okafor]
  ---
  # Roles
`;
const OWNERS = { owners: { accept: ['role', 'email', 'team'], teams: ['ML Platform', 'Data Protection Office'] } };

for (const rule of [unresolved, invalid]) {
  testRule(rule, {
    valid: [
      { name: 'a role, as always', files: { [FILE]: policy('ROLE-AIMS-LEAD'), 'aims/roles.md': ROLES } },
      { name: 'an e-mail address and a listed team when the config accepts them', config: OWNERS, files: { [FILE]: policy('dana.okafor@example.com', 'ML Platform'), 'aims/roles.md': ROLES } },
      // One mistake, one finding: schema/invalid reports the form (and how to accept e-mails); there is no id to look up.
      ...(rule === unresolved ? [{ name: 'an e-mail address when the config accepts only roles is schema/invalid\'s', files: { [FILE]: policy('dana.okafor@example.com'), 'aims/roles.md': ROLES } }] : []),
    ],
    invalid: rule === unresolved
      ? [
        {
          name: 'a team the config does not list',
          config: OWNERS,
          files: { [FILE]: policy('ML-Platform'), 'aims/roles.md': ROLES },
          errors: [{ file: FILE, line: 5, column: 8, message: '`owner` names the team `ML-Platform`, which is not in `owners.teams` of the config; write the team as listed there, or add it. Did you mean `ML Platform`?' }],
        },
      ]
      : [
        {
          name: 'an e-mail address when the config accepts only roles',
          files: { [FILE]: policy('dana.okafor@example.com'), 'aims/roles.md': ROLES },
          errors: [{ file: FILE, line: 5, column: 8, messageIncludes: '`owner` is not in the required form; found `dana.okafor@example.com`. It must be a role id defined in the roles document, such as `ROLE-AIMS-LEAD`. To accept e-mail addresses or team names instead, set `owners: {accept: [role, email, team], teams: [...]}` in the config.' }],
        },
      ],
  });
}

testRule(invalid, {
  valid: [
    { name: 'event-driven review with a trigger instead of next_review', files: { [FILE]: policy('ROLE-AIMS-LEAD', 'ROLE-AIMS-LEAD', 'review: event-driven\nreview_trigger: A new model version, a serious incident or a change in the law') } },
  ],
  invalid: [
    {
      name: 'event-driven review without a trigger',
      files: { [FILE]: policy('ROLE-AIMS-LEAD', 'ROLE-AIMS-LEAD', 'review: event-driven') },
      errors: [{ file: FILE, line: 11, column: 9, message: '`review: event-driven` needs `review_trigger`: say which events start a review, such as a new model version, an incident or a change in the law.' }],
    },
    {
      name: 'a scheduled review still needs next_review once approved',
      files: { [FILE]: policy('ROLE-AIMS-LEAD', 'ROLE-AIMS-LEAD', 'review: scheduled') },
      errors: [{ file: FILE, line: 6, column: 9, messageIncludes: '`next_review` is missing' }],
    },
  ],
});
