/** The YAML mistakes non-programmers make, each said in plain words at the line of the mistake (parse/yaml-hints.ts). */
import { testRule } from '../../testing/rule-tester.js';
import rule from './syntax.js';

const policy = (lines: string): Record<string, string> => ({ 'aims/policy.md': `---\nid: POL-001\n${lines}\nstatus: draft\n---\n# AI policy\n` });

testRule(rule, {
  valid: [
    { name: 'a colon inside a quoted value', files: policy('title: "AI Policy: our rules"') },
    { name: 'a URL value (its colon has no space after it)', files: policy('source: https://example.com/policy') },
    { name: 'a list under its key', files: policy('controls:\n  - A.2.2\n  - A.2.3') },
  ],
  invalid: [
    {
      name: 'an unquoted ": " in a value: put it in quotes',
      files: policy('title: AI Policy: our rules'),
      errors: [{ file: 'aims/policy.md', line: 3, column: 1, endColumn: 28, message: 'The value of `title` contains ": ", which YAML reads as the start of another key. Put the value in quotes: `title: "AI Policy: our rules"`.' }],
    },
    {
      name: 'a value with double quotes and ": " is quoted with single quotes',
      files: policy('title: The "AI" Policy: our rules'),
      errors: [{ file: 'aims/policy.md', line: 3, column: 1, messageIncludes: `\`title: 'The "AI" Policy: our rules'\`` }],
    },
    {
      name: 'no space after the colon',
      files: policy('owner:ROLE-AIMS-LEAD'),
      errors: [{ file: 'aims/policy.md', line: 3, column: 1, message: '`owner:ROLE-AIMS-LEAD` needs a space after the colon: write `owner: ROLE-AIMS-LEAD`.' }],
    },
    {
      name: 'no space after the colon, on the only line',
      files: { 'aims/policy.md': '---\nstatus:approved\n---\n' },
      errors: [{ file: 'aims/policy.md', line: 2, column: 1, message: '`status:approved` needs a space after the colon: write `status: approved`.' }],
    },
    {
      name: 'an unclosed double quote: at the line where it opens',
      files: policy('title: "AI policy\nversion: "1.0"'),
      errors: [{ file: 'aims/policy.md', line: 3, column: 8, message: 'The quote (") that opens the value of `title` is never closed: end the value with " on the same line, or remove the quote.' }],
    },
    {
      name: 'an unclosed single quote',
      files: policy("title: 'AI policy"),
      errors: [{ file: 'aims/policy.md', line: 3, column: 8, messageIncludes: "The quote (') that opens the value of `title` is never closed" }],
    },
    {
      name: 'a tab as indentation',
      files: policy('controls:\n\t- A.2.2'),
      errors: [{ file: 'aims/policy.md', line: 4, column: 1, message: 'YAML does not allow tabs for indentation; indent with spaces.' }],
    },
    {
      name: 'a list item under a key that already has a value: one finding, not three',
      files: policy('title: AI policy\n- Applies to all AI systems'),
      errors: [{ file: 'aims/policy.md', line: 4, column: 1, message: 'This list item (`- ...`) follows `title: ...`, which already has a value. To give `title` a list, write `title:` alone on its line and put each item under it, indented: `  - ...`.' }],
    },
  ],
});
