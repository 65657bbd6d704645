import { md, testRule } from '../../testing/rule-tester.js';
import rule from './placeholder.js';

const doc = (status: string, body: string, extra = '') => `---\nid: POL-001\ntype: ai-policy\nstatus: ${status}\n${extra}---\n${body}`;

testRule(rule, {
  valid: [
    { name: 'a finished approved document', files: { 'p.md': doc('approved', '# Policy\n\nThe board approves this policy.\n') } },
    { name: 'a draft may hold placeholders', files: { 'p.md': doc('draft', '# Policy\n\nTODO: write the scope.\n') } },
    { name: 'placeholders in code are examples', files: { 'p.md': doc('approved', md`
      # Writing guide

      Never leave \`TODO\` in a document.

      \`\`\`
      TODO: an example
      \`\`\`
    `) } },
    { name: 'lowercase todo is an ordinary word', files: { 'p.md': doc('approved', 'Our todo list is in the tracker.\n') } },
  ],
  invalid: [
    {
      name: 'TBD in the body',
      files: { 'p.md': doc('approved', '# Policy\n\nThe review cycle is TBD.\n') },
      errors: [{ file: 'p.md', line: 8, column: 21, endColumn: 24, message: 'This approved document still contains the placeholder `TBD`; write the real content, or set `status` back to `draft`.' }],
    },
    {
      name: 'a placeholder in a frontmatter value and lorem ipsum in the body',
      files: { 'p.md': doc('approved', 'Lorem ipsum dolor sit amet.\n', 'purpose: "[insert purpose here]"\n') },
      errors: [
        { file: 'p.md', line: 5, column: 11, messageIncludes: '`[insert purpose here]`' },
        { file: 'p.md', line: 7, column: 1, messageIncludes: '`Lorem ipsum`' },
      ],
    },
  ],
});
