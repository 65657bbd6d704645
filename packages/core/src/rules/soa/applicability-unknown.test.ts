import { testRule } from '../../testing/rule-tester.js';
import rule from './applicability-unknown.js';
import { completeEntries, soaRepository, tableForm } from './soa-fixtures.js';

/** The table SoA with the Applicable cell of A.10.4 (the last row, line 54) replaced. */
const withApplicable = (word: string): string => tableForm(completeEntries()).replace('| A.10.4 | yes |', `| A.10.4 | ${word} |`);
const line = 17 + 37;
const column = 12;

testRule(rule, {
  valid: [
    ...['Yes', '**Yes**', 'N/A', 'Excluded', 'not applicable', 'Partial', 'Partially implemented', 'Planned', 'Yes (partial)', 'Implemented', '✓'].map((word) => ({ name: `"${word}" is read`, files: soaRepository(withApplicable(word)) })),
  ],
  invalid: [
    { name: 'a word that is neither', files: soaRepository(withApplicable('maybe')), errors: [{ file: 'aims/soa.md', line, column, endColumn: column + 5, message: 'The Applicable cell of A.10.4 says "maybe", which is neither applicable nor excluded; write yes, no, N/A, partial or planned.' }] },
    { name: 'a row still to be decided: a warning, not an error', files: soaRepository(withApplicable('undecided')), errors: [{ file: 'aims/soa.md', line, column, severity: 'warn', message: 'A.10.4 is marked "undecided": decide it, then write yes (and link the evidence) or no (and say why it is excluded). Until then the SoA is not complete.' }] },
    { name: 'an empty cell', files: soaRepository(withApplicable('')), errors: [{ file: 'aims/soa.md', line, column: 11, messageIncludes: 'The Applicable cell of A.10.4 is empty' }] },
  ],
});
