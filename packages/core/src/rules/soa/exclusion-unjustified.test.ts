import { testRule } from '../../testing/rule-tester.js';
import rule from './exclusion-unjustified.js';
import { completeEntries, frontmatterForm, soaRepository, tableForm, withEntry } from './soa-fixtures.js';

const excluded = (justification: string) => withEntry(completeEntries(), 'A.10.4', { applicable: false, justification, evidence: [] });
const last = 37;

testRule(rule, {
  valid: [
    { name: 'a real justification (frontmatter)', files: soaRepository(frontmatterForm(excluded('We offer no AI system to customers.'))) },
    { name: 'a real justification (table)', files: soaRepository(tableForm(excluded('We offer no AI system to customers.'))) },
    { name: 'applicable controls need no justification', files: soaRepository(frontmatterForm(completeEntries())) },
  ],
  invalid: [
    { name: 'a blank justification (frontmatter): at its key', files: soaRepository(frontmatterForm(excluded(''))), errors: [{ file: 'aims/soa.md', line: 15 + 4 * last, column: 5, message: 'A.10.4 is excluded but has no justification; say why this control does not apply to your organisation.' }] },
    { name: '"N/A" (frontmatter): at the justification', files: soaRepository(frontmatterForm(excluded('N/A'))), errors: [{ file: 'aims/soa.md', line: 15 + 4 * last, column: 5, message: 'A.10.4 is excluded with the justification "N/A", which does not say why; explain why this control does not apply.' }] },
    { name: '"TBD" (table): at the cell', files: soaRepository(tableForm(excluded('TBD'))), errors: [{ file: 'aims/soa.md', line: 17 + last, column: 17, endColumn: 20, messageIncludes: 'justification "TBD"' }] },
    { name: '"-" (table)', files: soaRepository(tableForm(excluded('-'))), errors: [{ file: 'aims/soa.md', line: 17 + last, column: 17, messageIncludes: 'justification "-"' }] },
  ],
});
