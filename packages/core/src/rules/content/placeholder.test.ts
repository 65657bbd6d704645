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

testRule(rule, {
  valid: [
    { name: 'an indented code block', files: { 'p.md': doc('approved', '# Guide\n\nAn example:\n\n    TODO: fill in\n\nDone.\n') } },
    { name: 'a code span that wraps over two lines', files: { 'p.md': doc('approved', '# Guide\n\nWrite `status: draft while\nTODO remains` in the frontmatter.\n') } },
    { name: 'a URL', files: { 'p.md': doc('approved', '# Links\n\nSee https://x.example/TODO-list and [the list](https://x.example/TBD).\n') } },
    { name: 'a list item continued by an indented paragraph is not code, and finished', files: { 'p.md': doc('approved', '# List\n\n- First\n\n    More about the first.\n') } },
    { name: 'an indented line that continues a paragraph is prose, and finished', files: { 'p.md': doc('approved', '# Scope\n\nThe scope covers\n    all AI systems.\n') } },
  ],
  invalid: [
    {
      name: 'the Hugging Face template\'s [More Information Needed] and a template marker',
      files: { 'README.md': doc('approved', '# Model card\n\n## Training data\n\n[More Information Needed]\n\nLicense: {{ license }}\n') },
      errors: [
        { file: 'README.md', line: 10, column: 1, endColumn: 26, messageIncludes: '`[More Information Needed]`' },
        { file: 'README.md', line: 12, column: 10, endColumn: 23, messageIncludes: '`{{ license }}`' },
      ],
    },
    {
      name: 'an indented line right after a paragraph line is prose, not code',
      files: { 'p.md': doc('approved', '# Scope\n\nThe scope is\n    TBD.\n') },
      errors: [{ file: 'p.md', line: 9, column: 5, messageIncludes: '`TBD`' }],
    },
    {
      name: 'an unmatched backtick does not hide the rest of the paragraph',
      files: { 'p.md': doc('approved', '# Scope\n\nA stray ` and TODO here.\n') },
      errors: [{ file: 'p.md', line: 8, column: 15, messageIncludes: '`TODO`' }],
    },
    {
      name: 'markers of the organisation\'s own template (the `markers` option)',
      config: { rules: { 'content/placeholder': ['error', { markers: ['<<fill in>>'] }] } },
      files: { 'p.md': doc('approved', '# Scope\n\nOwner: <<fill in>>\n') },
      errors: [{ file: 'p.md', line: 8, column: 8, messageIncludes: '`<<fill in>>`' }],
    },
  ],
});
