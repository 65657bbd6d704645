import { md, testRule } from '../../testing/rule-tester.js';
import backlink from './evidence-backlink.js';
import stale from './evidence-stale.js';
import unapproved from './evidence-unapproved.js';
import { completeEntries, frontmatterForm, soaRepository, tableForm, withEntry } from './soa-fixtures.js';

const procedure = (status: string, nextReview: string, controls: string) => md`
  ---
  id: PROC-OVERSIGHT
  type: procedure
  title: Human oversight
  owner: ROLE-AIMS-LEAD
  status: ${status}
  version: "1.0"
  next_review: ${nextReview}
  controls: [${controls}]
  ---
  # Human oversight
`;
const citing = withEntry(completeEntries(), 'A.9.2', { evidence: ['PROC-OVERSIGHT'] });
const i = 32; // A.9.2
const line = 16 + 4 * i;

testRule(unapproved, {
  valid: [{ name: 'approved evidence', files: soaRepository(frontmatterForm(citing), { 'procedures/oversight.md': procedure('approved', '2027-06-01', 'A.9.2') }) }],
  invalid: [
    {
      name: 'evidence moved to draft (frontmatter)',
      files: soaRepository(frontmatterForm(citing), { 'procedures/oversight.md': procedure('draft', '2027-06-01', 'A.9.2') }),
      errors: [{ file: 'aims/soa.md', line, column: 16, endColumn: 32, message: 'The evidence `PROC-OVERSIGHT` for A.9.2 is `draft` (procedures/oversight.md); only approved documents count as evidence. Approve it or cite an approved document.' }],
    },
    {
      name: 'retired evidence (table)',
      files: soaRepository(tableForm(citing), { 'procedures/oversight.md': procedure('retired', '2027-06-01', 'A.9.2') }),
      errors: [{ file: 'aims/soa.md', line: 17 + i, column: 20, endColumn: 34, messageIncludes: 'is `retired`' }],
    },
  ],
});

testRule(stale, {
  valid: [{ name: 'evidence reviewed on time', files: soaRepository(frontmatterForm(citing), { 'procedures/oversight.md': procedure('approved', '2027-06-01', 'A.9.2') }) }],
  invalid: [{
    name: 'evidence overdue for review',
    files: soaRepository(frontmatterForm(citing), { 'procedures/oversight.md': procedure('approved', '2026-11-01', 'A.9.2') }),
    errors: [{ file: 'aims/soa.md', line, column: 16, message: 'The evidence `PROC-OVERSIGHT` for A.9.2 was due for review on 2026-11-01 (procedures/oversight.md); review it so it counts as current evidence.' }],
  }],
});

testRule(backlink, {
  valid: [{ name: 'the evidence lists the control', files: soaRepository(frontmatterForm(citing), { 'procedures/oversight.md': procedure('approved', '2027-06-01', 'A.9.2, A.9.3') }) }],
  invalid: [{
    name: 'the evidence does not list the control',
    files: soaRepository(frontmatterForm(citing), { 'procedures/oversight.md': procedure('approved', '2027-06-01', 'A.9.3') }),
    errors: [{ file: 'aims/soa.md', line, column: 16, message: 'procedures/oversight.md is cited as evidence for A.9.2 but does not list A.9.2 in its `controls`; add it there so the link holds both ways.' }],
  }],
});
