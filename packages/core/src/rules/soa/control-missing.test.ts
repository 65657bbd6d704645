import { testRule } from '../../testing/rule-tester.js';
import rule from './control-missing.js';
import { completeEntries, frontmatterForm, soaRepository, tableForm, withEntry } from './soa-fixtures.js';

const withoutA75 = withEntry(completeEntries(), 'A.7.5', null);
const message = 'A.7.5 (Data provenance) is not in the Statement of Applicability; state it as applicable with evidence, or as excluded with a justification.';

testRule(rule, {
  valid: [
    { name: 'all 38 controls in the frontmatter', files: soaRepository(frontmatterForm(completeEntries())) },
    { name: 'all 38 controls in the table', files: soaRepository(tableForm(completeEntries())) },
  ],
  invalid: [
    { name: 'a row removed from the frontmatter: reported at `entries`', files: soaRepository(frontmatterForm(withoutA75)), errors: [{ file: 'aims/soa.md', line: 12, column: 1, endColumn: 8, message }] },
    { name: 'a row removed from the table: reported at the table', files: soaRepository(tableForm(withoutA75)), errors: [{ file: 'aims/soa.md', line: 15, column: 1, message }] },
  ],
});
