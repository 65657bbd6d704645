import { testRule } from '../../testing/rule-tester.js';
import rule from './evidence-broken.js';
import { completeEntries, frontmatterForm, soaRepository, tableForm, withEntry } from './soa-fixtures.js';

const i = 0; // A.2.2, the first control
const evidenceLine = 16 + 4 * i;
const using = (evidence: string[]) => withEntry(completeEntries(), 'A.2.2', { evidence });

testRule(rule, {
  valid: [
    { name: 'ids, links and anchors that resolve (frontmatter)', files: soaRepository(frontmatterForm(using(['POL-001', 'ai-policy.md', 'ai-policy.md#policy-review']))) },
    { name: 'ids, links and anchors that resolve (table)', files: soaRepository(tableForm(using(['POL-001', 'ai-policy.md#policy-review']))) },
    { name: 'a non-Markdown evidence file', files: soaRepository(frontmatterForm(using(['../evidence/board-minutes.pdf'])), { 'evidence/board-minutes.pdf': '%PDF-1.4' }) },
  ],
  invalid: [
    {
      name: 'a missing anchor (frontmatter)',
      files: soaRepository(frontmatterForm(using(['ai-policy.md#review']))),
      errors: [{ file: 'aims/soa.md', line: evidenceLine, column: 16, endColumn: 37, message: 'The evidence `ai-policy.md#review` for A.2.2 cannot be found: `aims/ai-policy.md` has no heading for `#review`.' }],
    },
    {
      name: 'a missing anchor (table)',
      files: soaRepository(tableForm(using(['ai-policy.md#review']))),
      errors: [{ file: 'aims/soa.md', line: 17, column: 20, message: 'The evidence `ai-policy.md#review` for A.2.2 cannot be found: `aims/ai-policy.md` has no heading for `#review`.' }],
    },
    {
      name: 'an id nobody defined',
      files: soaRepository(frontmatterForm(using(['POL-002']))),
      errors: [{ file: 'aims/soa.md', line: evidenceLine, column: 16, message: 'The evidence `POL-002` for A.2.2 cannot be found: no document has the id `POL-002`.' }],
    },
    {
      name: 'a file outside the repository',
      files: soaRepository(frontmatterForm(using(['../../outside.md']))),
      errors: [{ file: 'aims/soa.md', line: evidenceLine, column: 16, messageIncludes: 'it leads outside the repository' }],
    },
    {
      name: 'a role is not evidence',
      files: soaRepository(frontmatterForm(using(['ROLE-DPO']))),
      errors: [{ file: 'aims/soa.md', line: evidenceLine, column: 16, messageIncludes: '`ROLE-DPO` is a role, not a document' }],
    },
  ],
});
