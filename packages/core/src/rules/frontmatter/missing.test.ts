import { md, testRule } from '../../testing/rule-tester.js';
import rule from './missing.js';

const config = { governance: ['aims'] };

testRule(rule, {
  valid: [
    { name: 'a governance document with frontmatter', config, files: { 'aims/policy.md': md`
      ---
      id: POL-001
      ---
      # Policy
    ` } },
    { name: 'a README outside the governance folders', config, files: { 'README.md': '# About this repository\n' } },
    { name: 'no governance folders configured', files: { 'aims/notes.md': '# Notes\n' } },
  ],
  invalid: [
    {
      name: 'a file in a governance folder without frontmatter',
      config,
      files: { 'aims/risk/method.md': '# Risk method\n\nHow we assess risk.\n' },
      errors: [{ file: 'aims/risk/method.md', line: 1, column: 1, messageIncludes: 'has no frontmatter' }],
    },
  ],
});
