import { md, testRule } from '../../testing/rule-tester.js';
import rule from './section-missing.js';

const card = (body: string) => `---\nid: MC-CREDIT\ntype: model-card\ntitle: Credit model\n---\n${body}`;
const ALL = md`
  # Credit scoring model

  ## Intended use
  ## Limitations
  ## Training data
  ## Evaluation
  ## Human oversight
`;

testRule(rule, {
  valid: [
    { name: 'all five sections', files: { 'mc.md': card(ALL) } },
    { name: 'headings match case-insensitively, setext too', files: { 'mc.md': card(ALL.replace('## Intended use', 'INTENDED USE\n------------')) } },
    { name: 'other types need no model-card sections', files: { 'p.md': '---\nid: POL-001\ntype: ai-policy\n---\n# Policy\n' } },
  ],
  invalid: [
    {
      name: 'a missing section, reported at the frontmatter',
      files: { 'mc.md': card(ALL.replace('## Limitations\n', '')) },
      errors: [{ file: 'mc.md', line: 1, column: 1, message: 'This model-card has no `## Limitations` section; add one that describes it.' }],
    },
    {
      name: 'a section at the wrong level',
      files: { 'mc.md': card(ALL.replace('## Evaluation', '### Evaluation')) },
      errors: [{ file: 'mc.md', line: 11, column: 5, message: '`Evaluation` must be a level-2 heading (`## Evaluation`), not level 3.' }],
    },
    {
      name: 'a heading inside a code block does not count',
      files: { 'mc.md': card(ALL.replace('## Human oversight', '```\n## Human oversight\n```')) },
      errors: [{ file: 'mc.md', line: 1, column: 1, messageIncludes: '`## Human oversight`' }],
    },
  ],
});
