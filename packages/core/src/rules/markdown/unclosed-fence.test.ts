import { testRule } from '../../testing/rule-tester.js';
import rule from './unclosed-fence.js';

const card = (body: string) => `---\nid: MC-001\ntype: model-card\n---\n# Model card\n\n${body}`;

testRule(rule, {
  valid: [
    { name: 'a closed fence', files: { 'README.md': card('```python\nprint("hi")\n```\n\n## Limitations\n') } },
    { name: 'a longer closing fence closes', files: { 'README.md': card('````\ncode\n`````\n') } },
    { name: 'tildes inside a backtick fence do not close it, the backticks do', files: { 'README.md': card('```\n~~~\n```\n') } },
    { name: 'a fence-like line in the frontmatter is YAML', files: { 'README.md': '---\nid: MC-001\nnote: "```"\n---\n# Card\n' } },
    { name: 'backticks in running text are not a fence', files: { 'README.md': card('Use ``` to start code.\n') } },
    { name: 'a README that is not a governance document is not judged', files: { 'README.md': '# Dataset\n\n```\nload_dataset("x")\n' } },
  ],
  invalid: [
    {
      name: 'a fence never closed swallows the rest of the card',
      files: { 'README.md': card('## Uses\n\n```python\nfrom transformers import pipeline\n\n## Limitations\n\nNone known.\n') },
      errors: [{ file: 'README.md', line: 9, column: 1, endColumn: 10, message: 'This code block (```) is never closed, so the 5 lines after it show as code and are not checked. Add a line with ``` where the code ends.' }],
    },
    {
      name: 'a file in a governance folder is judged, typed or not',
      config: { governance: ['aims'] },
      files: { 'aims/notes.md': '# Notes\n\n```\ncode\n' },
      errors: [{ file: 'aims/notes.md', line: 3, column: 1, messageIncludes: 'This code block (```) is never closed, so the 1 line after it' }],
    },
    {
      name: 'a shorter closing fence does not close',
      files: { 'README.md': card('~~~~\ncode\n~~~\n') },
      errors: [{ file: 'README.md', line: 7, column: 1, messageIncludes: 'This code block (~~~~) is never closed' }],
    },
  ],
});
