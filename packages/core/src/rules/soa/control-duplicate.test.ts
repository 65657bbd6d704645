import { testRule } from '../../testing/rule-tester.js';
import rule from './control-duplicate.js';
import { completeEntries, frontmatterForm, soaRepository, tableForm, withEntry } from './soa-fixtures.js';

const entries = completeEntries();
const twice = [...entries, { control: 'A.2.2', applicable: true, evidence: ['POL-001'] }];

/** Both forms in one document: the frontmatter of one, the table of the other. */
function bothForms(frontmatterEntries = entries, tableEntries = entries): string {
  const table = tableForm(tableEntries);
  return frontmatterForm(frontmatterEntries) + table.slice(table.indexOf('\n|') + 1);
}
const tableRow = (i: number) => 13 + 4 * 38 + 4 + i;

testRule(rule, {
  valid: [
    { name: 'each control once', files: soaRepository(frontmatterForm(entries)) },
    { name: 'both forms that agree', files: soaRepository(bothForms()) },
  ],
  invalid: [
    { name: 'twice in the frontmatter', files: soaRepository(frontmatterForm(twice)), errors: [{ file: 'aims/soa.md', line: 13 + 4 * 38, column: 14, message: 'A.2.2 is stated twice in the frontmatter `entries` (first on line 13); keep one entry.' }] },
    { name: 'twice in the table', files: soaRepository(tableForm(twice)), errors: [{ file: 'aims/soa.md', line: 17 + 38, column: 3, message: 'A.2.2 is stated twice in the table (first on line 17); keep one entry.' }] },
    {
      name: 'the forms disagree on applicability',
      files: soaRepository(bothForms(entries, withEntry(entries, 'A.2.3', { applicable: false, justification: 'Covered elsewhere in group policy.' }))),
      errors: [{ file: 'aims/soa.md', line: tableRow(1), column: 11, message: 'The table says A.2.3 is excluded, the frontmatter `entries` say applicable; make them agree.' }],
    },
    {
      name: 'a control only in the frontmatter',
      files: soaRepository(bothForms(entries, withEntry(entries, 'A.2.4', null))),
      errors: [{ file: 'aims/soa.md', line: 13 + 4 * 2, column: 14, message: 'A.2.4 is stated in the frontmatter `entries` but not in the table; the two forms must state the same controls.' }],
    },
  ],
});
