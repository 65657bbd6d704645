import { md, testRule } from '../../testing/rule-tester.js';
import rule from './type-missing.js';

const POLICY_WITHOUT_TYPE = md`
  ---
  id: POL-001
  title: AI policy
  owner: ROLE-AIMS-LEAD
  status: approved
  ---
  # AI policy
`;

testRule(rule, {
  valid: [
    { name: 'a README at the root', files: { 'README.md': '# About this repository\n' } },
    { name: 'a blog post with a title only', files: { 'blog/2026-launch.md': md`
      ---
      title: We launched
      ---
      # We launched
    ` } },
    { name: 'a typed document in aims/', files: { 'aims/notes.md': md`
      ---
      type: procedure
      ---
      # Notes
    ` } },
    { name: 'inside a configured governance folder the other rules speak', config: { governance: ['aims'] }, files: { 'aims/notes.md': '# Notes\n' } },
  ],
  invalid: [
    {
      name: 'a file in aims/ without frontmatter',
      files: { 'aims/notes.md': '# Notes\n\nWhat we decided.\n' },
      errors: [{ file: 'aims/notes.md', line: 1, column: 1, messageIncludes: 'looks like a governance document (its folder or name), but it has no frontmatter' }],
    },
    {
      name: 'a file named like a policy, anywhere, without frontmatter',
      files: { 'docs/ai_policy.md': '# AI policy\n' },
      errors: [{ file: 'docs/ai_policy.md', line: 1, column: 1, messageIncludes: 'has no frontmatter' }],
    },
    {
      name: 'a policy whose frontmatter has no `type`: at the frontmatter',
      files: { 'docs/policy-ai.md': POLICY_WITHOUT_TYPE },
      errors: [{ file: 'docs/policy-ai.md', line: 1, column: 1, message: 'This frontmatter has `id`, `owner`, `status` but no `type`, so aimslint does not check it as a governance document. Add `type:` (for example `ai-policy`, `soa`, `procedure`); `aimslint explain` lists the types.' }],
    },
    {
      name: 'governance fields and no type, in any folder',
      files: { 'handbook/conduct.md': POLICY_WITHOUT_TYPE },
      errors: [{ file: 'handbook/conduct.md', line: 1, column: 1, messageIncludes: 'This frontmatter has `id`, `owner`, `status` but no `type`' }],
    },
  ],
});
