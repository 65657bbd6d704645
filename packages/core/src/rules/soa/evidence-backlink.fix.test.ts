import { testFixes } from '../../testing/fix-tester.js';
import { md } from '../../testing/rule-tester.js';
import rule from './evidence-backlink.js';
import { completeEntries, frontmatterForm, soaRepository, tableForm, withEntry } from './soa-fixtures.js';

const procedure = (controls: string) => md`
  ---
  id: PROC-OVERSIGHT
  type: procedure
  title: Human oversight
  owner: ROLE-AIMS-LEAD
  status: approved
  version: "1.0"
  ${controls}
  related: [POL-001] # the policy this procedure serves
  ---
  # Human oversight
`;

const citing = withEntry(withEntry(completeEntries(), 'A.9.2', { evidence: ['PROC-OVERSIGHT'] }), 'A.9.3', { evidence: ['PROC-OVERSIGHT'] });
const soa = tableForm(citing);

testFixes(rule, [
  {
    name: 'both controls appended to a flow list, in one pass',
    files: soaRepository(soa, { 'procedures/oversight.md': procedure('controls: [A.6.2.2]') }),
    output: { 'procedures/oversight.md': procedure('controls: [A.6.2.2, A.9.2, A.9.3]') },
  },
  {
    name: 'a block list keeps its indentation and quotes',
    files: soaRepository(frontmatterForm(citing), { 'procedures/oversight.md': procedure('controls:\n    - "A.6.2.2"  # the first one') }),
    output: { 'procedures/oversight.md': procedure('controls:\n    - "A.6.2.2"  # the first one\n    - "A.9.2"\n    - "A.9.3"') },
  },
  {
    name: 'an empty flow list is filled',
    files: soaRepository(soa, { 'procedures/oversight.md': procedure('controls: []') }),
    output: { 'procedures/oversight.md': procedure('controls: [A.9.2, A.9.3]') },
  },
  {
    name: 'no `controls`: added at the end of the frontmatter, after the comment',
    files: soaRepository(soa, { 'procedures/oversight.md': procedure('clauses: ["8.1"]') }),
    output: { 'procedures/oversight.md': procedure('clauses: ["8.1"]').replace('serves\n---', 'serves\ncontrols: [A.9.2, A.9.3]\n---') },
  },
  {
    name: 'a lone string is not rewritten into a list: left to the author',
    files: soaRepository(soa, { 'procedures/oversight.md': procedure('controls: A.6.2.2') }),
    output: {},
    remaining: 2,
  },
]);
