import { testRule } from '../../testing/rule-tester.js';
import rule from './evidence-missing.js';
import { completeEntries, frontmatterForm, soaRepository, tableForm, withEntry } from './soa-fixtures.js';

const noEvidence = withEntry(completeEntries(), 'A.7.5', { evidence: [] });
const i = 26;
const message = 'A.7.5 is applicable but lists no evidence; link the documents that show it is implemented, or name their ids.';

testRule(rule, {
  valid: [
    { name: 'every applicable control has evidence', files: soaRepository(frontmatterForm(completeEntries())) },
    { name: 'an excluded control needs no evidence', files: soaRepository(tableForm(withEntry(completeEntries(), 'A.7.5', { applicable: false, justification: 'We use no third-party data at all.', evidence: [] }))) },
  ],
  invalid: [
    { name: 'an empty evidence list (frontmatter)', files: soaRepository(frontmatterForm(noEvidence)), errors: [{ file: 'aims/soa.md', line: 16 + 4 * i, column: 5, message }] },
    { name: 'an empty evidence cell (table)', files: soaRepository(tableForm(noEvidence)), errors: [{ file: 'aims/soa.md', line: 17 + i, column: 19, endColumn: 21, message }] },
  ],
});
