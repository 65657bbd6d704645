import { testRule } from '../../testing/rule-tester.js';
import rule from './excluded-but-claimed.js';
import { completeEntries, frontmatterForm, soaRepository, tableForm, withEntry } from './soa-fixtures.js';

const excludingA22 = withEntry(completeEntries(), 'A.2.2', { applicable: false, justification: 'Group policy covers this for us.', evidence: [] });

testRule(rule, {
  valid: [{ name: 'the policy claims an applicable control', files: soaRepository(frontmatterForm(completeEntries())) }],
  invalid: [
    {
      name: 'the policy claims A.2.2, which the SoA excludes (frontmatter form)',
      files: soaRepository(frontmatterForm(excludingA22)),
      errors: [{ file: 'aims/ai-policy.md', line: 12, column: 12, endColumn: 17, message: 'This document lists A.2.2 in `controls`, but the Statement of Applicability (aims/soa.md) excludes it; remove it here, or make it applicable there.' }],
    },
    {
      name: 'the same in the table form',
      files: soaRepository(tableForm(excludingA22)),
      errors: [{ file: 'aims/ai-policy.md', line: 12, column: 12, messageIncludes: 'excludes it' }],
    },
  ],
});
