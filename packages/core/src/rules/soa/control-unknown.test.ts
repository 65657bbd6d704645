import { testRule } from '../../testing/rule-tester.js';
import rule from './control-unknown.js';
import { completeEntries, frontmatterForm, soaRepository, tableForm } from './soa-fixtures.js';

const withA101 = [...completeEntries(), { control: 'A.10.1', applicable: true, evidence: ['POL-001'] }];
const message = 'A.10.1 is not an Annex A control of ISO/IEC 42001:2023. Did you mean A.10.2?';

testRule(rule, {
  valid: [{ name: 'only real controls', files: soaRepository(frontmatterForm(completeEntries())) }],
  invalid: [
    { name: 'A.10.1 in the frontmatter', files: soaRepository(frontmatterForm(withA101)), errors: [{ file: 'aims/soa.md', line: 13 + 4 * 38, column: 14, endColumn: 20, message }] },
    { name: 'A.10.1 in the table', files: soaRepository(tableForm(withA101)), errors: [{ file: 'aims/soa.md', line: 17 + 38, column: 3, endColumn: 9, message }] },
    {
      name: 'A.11.2 has no near match',
      files: soaRepository(frontmatterForm([...completeEntries(), { control: 'A.11.9', applicable: false, justification: 'Not offered here at all.' }])),
      errors: [{ file: 'aims/soa.md', line: 13 + 4 * 38, column: 14, messageIncludes: 'A.11.9 is not an Annex A control' }],
    },
  ],
});
