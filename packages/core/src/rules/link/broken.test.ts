import { md, testRule } from '../../testing/rule-tester.js';
import rule from './broken.js';

/** A governance document around a body: four frontmatter lines, so the body starts on line 5. */
const governed = (body: string): string => `---\nid: POL-001\ntype: ai-policy\n---\n${body}`;

const TARGET = md`
  # Human oversight

  ## Escalation path

  Text.
`;

testRule(rule, {
  valid: [
    {
      name: 'links to files, anchors, folders and the web',
      files: {
        'procedures/oversight.md': TARGET,
        'evidence/board-minutes.pdf': '%PDF-1.4',
        'aims/policy.md': governed(md`
          # Policy

          See [oversight](../procedures/oversight.md#escalation-path), [minutes](../evidence/board-minutes.pdf),
          [the procedures](../procedures/), [top](#policy), [ISO](https://www.iso.org/standard/81230.html)
          and [mail](mailto:aims@example.com), <aims@example.com>. From the root: [oversight](/procedures/oversight.md).
        `),
      },
    },
    {
      name: 'links inside code are not links',
      files: { 'aims/policy.md': governed('# Policy\n\n`[x](missing.md)`\n\n```\n[y](missing.md)\n```\n') },
    },
    {
      name: 'Markdown that is not a governance document (a README) is not checked',
      files: { 'README.md': '# About\n\nSee [the old wiki](wiki/home.md).\n' },
    },
  ],
  invalid: [
    {
      name: 'a missing file',
      files: { 'aims/policy.md': governed('# Policy\n\nSee [the procedure](../procedures/escalation.md).\n') },
      errors: [{ file: 'aims/policy.md', line: 7, column: 5, endColumn: 49, message: 'This link points at `procedures/escalation.md`, which does not exist in the repository.' }],
    },
    {
      name: 'a missing anchor, with a near match',
      files: { 'procedures/oversight.md': TARGET, 'aims/policy.md': governed('See [path](../procedures/oversight.md#Escalation-Path).\n') },
      errors: [{ file: 'aims/policy.md', line: 5, column: 5, message: '`procedures/oversight.md` has no heading for `#Escalation-Path`. Did you mean `#escalation-path`?' }],
    },
    {
      name: 'an anchor missing in the same document',
      files: { 'aims/policy.md': '---\nid: POL-001\ntype: ai-policy\n---\n# Policy\n\nSee [scope](#scope).\n' },
      errors: [{ file: 'aims/policy.md', line: 7, column: 5, message: 'This document has no heading for `#scope`.' }],
    },
    {
      name: 'a link that leaves the repository',
      files: { 'aims/policy.md': governed('See [passwords](../../../etc/passwd).\n') },
      errors: [{ file: 'aims/policy.md', line: 5, column: 5, messageIncludes: 'it leads outside the repository' }],
    },
    {
      name: 'a file: URL',
      files: { 'aims/policy.md': governed('See [passwords](file:///etc/passwd).\n') },
      errors: [{ file: 'aims/policy.md', line: 5, column: 5, messageIncludes: '`file:` URL' }],
    },
    {
      name: 'a reference-style link to a missing file',
      files: { 'aims/policy.md': governed('See [the plan][plan].\n\n[plan]: ./plan.md\n') },
      errors: [{ file: 'aims/policy.md', line: 5, column: 5, messageIncludes: '`aims/plan.md`, which does not exist' }],
    },
  ],
});
