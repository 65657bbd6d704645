import { md, testRule } from '../../testing/rule-tester.js';
import rule from './item-unknown.js';

const procedure = (controls: string) => md`
  ---
  id: PROC-OVERSIGHT
  type: procedure
  title: Human oversight of credit decisions
  owner: ROLE-AIMS-LEAD
  status: draft
  controls: ${controls}
  ---

  # Human oversight of credit decisions
`;

testRule(rule, {
  valid: [
    { name: 'items of both frameworks, and Annex A controls (soa/* rules judge those)', files: { 'procedures/oversight.md': procedure('[A.9.2, A.99.1, NIST-AI-RMF:MAP-3.5, EU-AI-ACT:Art.14, EU-AI-ACT:Annex.IV]') } },
  ],
  invalid: [
    {
      name: 'a misspelt function, with the likely subcategory',
      files: { 'procedures/oversight.md': procedure('[A.9.2, NIST-AI-RMF:GOVREN-3.2]') },
      errors: [{
        file: 'procedures/oversight.md', line: 7, column: 19, endColumn: 41,
        message: 'NIST-AI-RMF:GOVREN-3.2 is not an item of NIST AI RMF 1.0, so this document evidences nothing with it. Did you mean NIST-AI-RMF:GOVERN-3.2?',
      }],
    },
    {
      name: 'an Article the catalog does not cover',
      files: { 'procedures/oversight.md': procedure('[EU-AI-ACT:Art.99]') },
      errors: [{ file: 'procedures/oversight.md', line: 7, column: 12, endColumn: 28, message: 'EU-AI-ACT:Art.99 is not an item of EU AI Act (Regulation (EU) 2024/1689), so this document evidences nothing with it. Did you mean EU-AI-ACT:Art.9?' }],
    },
  ],
});
