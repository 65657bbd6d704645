import { md, testRule } from '../../testing/rule-tester.js';
import rule from './required-document.js';

const doc = (id: string, type: string, clauses = '', status = 'approved') => md`
  ---
  id: ${id}
  type: ${type}
  title: ${id}
  status: ${status}
  clauses: [${clauses}]
  ---
`;

/** One document for each clause that asks for documented information. */
const COMPLETE = {
  'aims/scope.md': doc('SCOPE-001', 'aims-scope'),
  'aims/policy.md': doc('POL-001', 'ai-policy'),
  'aims/roles.md': doc('ROLES-001', 'roles'),
  'aims/risk-method.md': doc('PROC-RISK', 'procedure', '"6.1.2"'),
  'aims/soa.md': doc('SOA-001', 'soa'),
  'aims/objectives.md': doc('OBJ-001', 'ai-objectives'),
  'training/tr.md': doc('TR-001', 'training-record'),
  'systems/ra.md': doc('RA-001', 'risk-assessment'),
  'systems/ia.md': doc('IA-001', 'impact-assessment'),
  'monitoring.md': doc('MON-001', 'monitoring-plan'),
  'audits/audit.md': doc('AUD-001', 'audit-report'),
  'audits/review.md': doc('MR-001', 'management-review'),
  'audits/incident.md': doc('INC-001', 'incident'),
};

testRule(rule, {
  valid: [
    { name: 'every clause has its document', files: COMPLETE },
    { name: 'a clause met by a document that lists it', files: { ...COMPLETE, 'audits/incident.md': doc('CA-001', 'procedure', '"10.2"') } },
    { name: 'a repository with no governance documents reports nothing', files: { 'README.md': '# Hello\n' } },
  ],
  invalid: [
    {
      name: 'no risk assessment method: reported on the scope document',
      files: { ...COMPLETE, 'aims/risk-method.md': doc('PROC-RISK', 'procedure') },
      errors: [{ file: 'aims/scope.md', line: 1, column: 1, message: 'Clause 6.1.2 (AI risk assessment) needs documented information: how AI risks are assessed (the methodology). Add a document that lists "6.1.2" in its `clauses`.' }],
    },
    {
      name: 'a retired management review does not count',
      files: { ...COMPLETE, 'audits/review.md': doc('MR-001', 'management-review', '', 'retired') },
      errors: [{ file: 'aims/scope.md', line: 1, column: 1, messageIncludes: 'Clause 9.3.3 (Management review results)' }],
    },
    {
      name: 'a draft provider is present but does not close the gap',
      files: { ...COMPLETE, 'audits/review.md': doc('MR-001', 'management-review', '', 'draft') },
      errors: [{ file: 'aims/scope.md', line: 1, column: 1, message: "Clause 9.3.3 (Management review results) is only provided by documents that are not approved (audits/review.md: draft); a draft is not yet the organisation's word. Approve one of them." }],
    },
    {
      name: 'a draft that lists every clause in `clauses` silences nothing',
      files: {
        'aims/scope.md': doc('SCOPE-001', 'aims-scope'),
        'aims/everything.md': doc('DOC-ALL', 'procedure', '"5.2", "5.3", "6.1.2", "6.1.3", "6.1.4", "6.2", "7.2", "8.2", "8.3", "8.4", "9.1", "9.2.2", "9.3.3", "10.2"', 'draft'),
      },
      errors: ['5.2', '5.3', '6.1.2', '6.1.3', '6.1.4', '6.2', '7.2', '8.2', '8.3', '8.4', '9.1', '9.2.2', '9.3.3', '10.2'].map((clause) => ({ file: 'aims/scope.md', line: 1, column: 1, messageIncludes: `Clause ${clause} (` })),
    },
  ],
});
