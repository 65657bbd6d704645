import { md, testRule } from '../../testing/rule-tester.js';
import rule from './syntax.js';

testRule(rule, {
  valid: [
    { name: 'plain YAML frontmatter', files: { 'aims/policy.md': md`
      ---
      id: POL-001
      title: AI policy
      ---
      # AI policy
    ` } },
    { name: 'an explicit yaml marker', files: { 'aims/policy.md': '---yaml\nid: POL-001\n---\n' } },
    { name: 'a Markdown file with no frontmatter at all', files: { 'README.md': '# Readme\n\nNo frontmatter here.\n' } },
    { name: 'a thematic break that is not frontmatter', files: { 'notes.md': '----\n\ntext\n' } },
  ],
  invalid: [
    {
      name: 'a key written twice',
      files: { 'aims/policy.md': md`
        ---
        id: POL-001
        title: AI policy
        title: Our AI policy
        ---
      ` },
      errors: [{ file: 'aims/policy.md', line: 4, column: 1, message: 'This key appears twice in the frontmatter; keep one of them.' }],
    },
    {
      name: 'an unclosed flow list',
      files: { 'aims/policy.md': md`
        ---
        id: POL-001
        controls: [A.2.2, A.2.3
        title: AI policy
        ---
      ` },
      errors: [{ file: 'aims/policy.md', line: 4, column: 1, messageIncludes: 'is not valid YAML' }],
    },
    {
      name: 'frontmatter that is never closed',
      files: { 'aims/policy.md': '---\nid: POL-001\ntitle: AI policy\n\n# AI policy\n' },
      errors: [{ file: 'aims/policy.md', line: 1, column: 1, endColumn: 4, messageIncludes: 'never closed' }],
    },
    {
      name: '---js frontmatter is rejected, not run',
      files: { 'aims/policy.md': '---js\n{ id: (() => { throw new Error("ran") })() }\n---\n# Policy\n' },
      errors: [{ file: 'aims/policy.md', line: 1, column: 1, messageIncludes: 'is marked as `js`; only YAML frontmatter is accepted' }],
    },
    {
      name: '---coffee frontmatter',
      files: { 'aims/policy.md': '---coffee\nid: "POL-001"\n---\n' },
      errors: [{ file: 'aims/policy.md', line: 1, column: 1, messageIncludes: 'is marked as `coffee`' }],
    },
    {
      name: 'a tab used for indentation',
      files: { 'aims/policy.md': '---\nroles:\n\t- id: ROLE-A\n---\n' },
      errors: [{ file: 'aims/policy.md', line: 3, column: 1, messageIncludes: 'tabs' }],
    },
    {
      name: 'a billion-laughs alias bomb',
      files: { 'aims/policy.md': md`
        ---
        a: &a [x, x, x, x, x, x, x, x, x]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
        d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]
        ---
      ` },
      errors: [{ file: 'aims/policy.md', line: 1, column: 1, messageIncludes: 'expands YAML aliases' }],
    },
    {
      name: 'a list instead of a mapping',
      files: { 'aims/policy.md': '---\n- id: POL-001\n---\n' },
      errors: [{ file: 'aims/policy.md', line: 2, column: 1, messageIncludes: 'must be a list of `key: value` lines' }],
    },
  ],
});
