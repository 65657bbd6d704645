import { md, testRule } from '../../testing/rule-tester.js';
import rule from './invalid.js';

const file = 'aims/ai-policy.md';

/** A policy with one line swapped in, so each case shows the one mistake. */
function policy(overrides: Record<string, string> = {}): string {
  const fields: Record<string, string> = {
    id: 'POL-001',
    type: 'ai-policy',
    title: 'AI policy',
    owner: 'ROLE-AIMS-LEAD',
    status: 'approved',
    version: '"2.1"',
    approved_by: 'ROLE-AIMS-LEAD',
    approved_on: '2026-03-01',
    last_reviewed: '2026-03-01',
    next_review: '2027-03-01',
    ...overrides,
  };
  const lines = Object.entries(fields).filter(([, value]) => value !== '').map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n# AI policy\n`;
}

testRule(rule, {
  valid: [
    { name: 'a complete approved policy', files: { [file]: policy() } },
    { name: 'a draft needs no approval fields', files: { [file]: policy({ status: 'draft', approved_by: '', approved_on: '', last_reviewed: '', next_review: '' }) } },
    { name: 'a three-part version', files: { [file]: policy({ version: '"1.10.2"' }) } },
    { name: 'documents without a known type are not schema-checked', files: { 'notes.md': '---\ntitle: 3\n---\n' } },
    {
      name: 'a type assigned by the config need not be repeated in the file',
      config: { assign: [{ files: 'aims/**', type: 'ai-policy' }] },
      files: { [file]: policy({ type: '' }) },
    },
  ],
  invalid: [
    {
      name: 'a misspelt status, with a suggestion',
      files: { [file]: policy({ status: 'aproved' }) },
      errors: [{ file, line: 6, column: 9, endColumn: 16, message: '`status` must be one of draft, in-review, approved, retired; found `aproved`. Did you mean `approved`?' }],
    },
    {
      name: 'a version YAML reads as a number',
      files: { [file]: policy({ version: '1.10' }) },
      errors: [{ file, line: 7, column: 10, endColumn: 14, message: '`version` must be text; found `1.10`. Put it in quotes: `"1.10"`, or YAML reads it as the number 1.1.' }],
    },
    {
      name: 'a date that does not exist',
      files: { [file]: policy({ approved_on: '2026-02-30' }) },
      errors: [{ file, line: 9, column: 14, message: '`approved_on` must be a real date written YYYY-MM-DD; found `2026-02-30`.' }],
    },
    {
      name: 'an id in the wrong form',
      files: { [file]: policy({ id: 'pol-1' }) },
      errors: [{ file, line: 2, column: 5, message: '`id` is not in the required form; found `pol-1`. It must be an upper-case id in parts joined by hyphens, such as `POL-001` or `MC-CREDIT-SCORING`.' }],
    },
    {
      name: 'an unknown key, with a suggestion',
      files: { [file]: policy({ ownr: 'ROLE-AIMS-LEAD' }) },
      errors: [{ file, line: 12, column: 1, endColumn: 5, message: '`ownr` is not a field of a document of type `ai-policy`. Did you mean `owner`?' }],
    },
    {
      name: 'an approved document without its approver, at its status',
      files: { [file]: policy({ approved_by: '' }) },
      errors: [{ file, line: 6, column: 9, message: '`approved_by` is missing: an approved document must also say `approved_by`, `approved_on`, `last_reviewed` and `next_review`.' }],
    },
    {
      name: 'a missing title',
      files: { [file]: policy({ title: '' }) },
      errors: [{ file, line: 1, column: 1, messageIncludes: '`title` is missing' }],
    },
    {
      name: 'one of two alternative keys missing is one finding',
      files: { 'data/loans.md': '---\nid: DS-LOANS\ntype: dataset-card\ntitle: Loan book\nowner: ROLE-DATA\nstatus: draft\nversion: "0.1"\nprovenance: Core banking system\n---\n' },
      errors: [{ file: 'data/loans.md', line: 1, column: 1, message: 'Add `system` or `systems`: this document needs one of them.' }],
    },
    {
      name: 'a risk likelihood out of range, deep in a list',
      files: {
        'systems/credit/risk.md': md`
          ---
          id: RA-CREDIT
          type: risk-assessment
          title: Credit scoring risk assessment
          owner: ROLE-AIMS-LEAD
          status: draft
          version: "0.3"
          system: SYS-CREDIT
          risks:
            - id: R-1
              description: Biased scores for thin-file applicants
              likelihood: 7
              impact: 4
          ---
        `,
      },
      errors: [{ file: 'systems/credit/risk.md', line: 12, column: 17, messageIncludes: '`risks[0].likelihood` must be <= 5; found the number `7`.' }],
    },
  ],
});
