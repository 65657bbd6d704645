import { testRule } from '../../testing/rule-tester.js';
import rule from './title-mismatch.js';
import { completeEntries, frontmatterForm, soaRepository, tableForm } from './soa-fixtures.js';

/** The table SoA with a Title column after Control; row i on line 17 + i. */
function titled(titles: Record<string, string>): string {
  return tableForm(completeEntries())
    .replace('| Control | Applicable |', '| Control | Title | Applicable |')
    .replace('|---|---|---|---|', '|---|---|---|---|---|')
    .replace(/^\| (A\.[\d.]+) \|/gm, (whole, id: string) => `| ${id} | ${titles[id] ?? ''} |`);
}

testRule(rule, {
  valid: [
    { name: 'catalog titles', files: soaRepository(titled({ 'A.2.2': 'AI policy', 'A.10.3': 'Suppliers' })) },
    { name: 'a longer form, another order, emphasis', files: soaRepository(titled({ 'A.2.2': 'AI policy statement', 'A.2.4': '**Review of AI policy**', 'A.3.2': 'Roles and responsibilities for AI' })) },
    { name: 'an empty title', files: soaRepository(titled({})) },
    { name: 'no Title column', files: soaRepository(tableForm(completeEntries())) },
    { name: 'frontmatter entries without titles', files: soaRepository(frontmatterForm(completeEntries())) },
  ],
  invalid: [
    {
      name: 'A.2.2 titled "AI risk assessment" (a clause, not the AI policy)',
      files: soaRepository(titled({ 'A.2.2': 'AI risk assessment' })),
      errors: [{ file: 'aims/soa.md', line: 17, column: 11, endColumn: 29, message: 'This row of A.2.2 is titled "AI risk assessment", but A.2.2 is "AI policy". Check that the id and the row agree.' }],
    },
    {
      name: 'a title that is another control\'s: named',
      files: soaRepository(titled({ 'A.10.3': 'Customers' })),
      errors: [{ file: 'aims/soa.md', line: 17 + 36, column: 12, message: 'This row of A.10.3 is titled "Customers", but A.10.3 is "Suppliers" ("Customers" is A.10.4). Check that the id and the row agree.' }],
    },
    {
      name: 'a frontmatter entry\'s title',
      files: soaRepository(frontmatterForm(completeEntries()).replace('  - control: A.2.2\n', '  - control: A.2.2\n    title: Data provenance\n')),
      errors: [{ file: 'aims/soa.md', line: 14, column: 12, messageIncludes: 'is titled "Data provenance", but A.2.2 is "AI policy" ("Data provenance" is A.7.5)' }],
    },
  ],
});
