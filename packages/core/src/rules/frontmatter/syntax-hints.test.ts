/** The YAML mistakes non-programmers make, each said in plain words at the line of the mistake (parse/yaml-hints.ts). */
import { describe, expect, it, vi } from 'vitest';
import { splitFrontmatter } from '../../parse/frontmatter.js';
import { testRule } from '../../testing/rule-tester.js';
import rule from './syntax.js';

const policy = (lines: string): Record<string, string> => ({ 'aims/policy.md': `---\nid: POL-001\n${lines}\nstatus: draft\n---\n# AI policy\n` });

testRule(rule, {
  valid: [
    { name: 'a colon inside a quoted value', files: policy('title: "AI Policy: our rules"') },
    { name: 'a URL value (its colon has no space after it)', files: policy('source: https://example.com/policy') },
    { name: 'a list under its key', files: policy('controls:\n  - A.2.2\n  - A.2.3') },
    { name: 'a frontmatter of comments only is an empty frontmatter', files: { 'README.md': '---\n# license: to be decided\n---\n# Card\n' } },
    { name: 'an empty frontmatter', files: { 'README.md': '---\n---\n# Card\n' } },
    { name: 'a template\'s `{{ card_data }}` frontmatter', files: { 'README.md': '---\n{{ card_data }}\n---\n# Card\n' } },
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

describe('frontmatter parsing prints nothing', () => {
  it('a template marker as a key raises no Node warning (nothing on stderr but aimslint\'s own lines)', () => {
    const warn = vi.spyOn(process, 'emitWarning');
    try {
      const split = splitFrontmatter('---\n{{ card_data }}\n---\n# Card\n', { maxAliases: 100, maxDepth: 64 });
      expect(split.problems).toEqual([]);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('comments only: an empty mapping, no problem', () => {
    expect(splitFrontmatter('---\n# nothing yet\n---\n', { maxAliases: 100, maxDepth: 64 })).toMatchObject({ frontmatter: { data: {} }, problems: [] });
  });
});
