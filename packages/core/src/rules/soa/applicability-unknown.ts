import { isUndecided } from '../../index/applicability.js';
import { allEntries } from '../../index/soa.js';
import { defineRepositoryRule } from '../types.js';

export default defineRepositoryRule({
  id: 'soa/applicability-unknown',
  defaultSeverity: 'error',
  description: 'An SoA table row whose Applicable cell is empty or a word aimslint cannot read as applicable or excluded (a row marked undecided is a warning).',
  serves: ['6.1.3'],
  messages: {
    empty: 'The Applicable cell of {{control}} is empty; write yes (the control applies) or no (it is excluded, with a justification).',
    undecided: '{{control}} is marked "{{text}}": decide it, then write yes (and link the evidence) or no (and say why it is excluded). Until then the SoA is not complete.',
    unknown: 'The Applicable cell of {{control}} says "{{text}}", which is neither applicable nor excluded; write yes, no, N/A, partial or planned.',
  },
  check(index) {
    // The frontmatter form's `applicable` must be true or false: schema/invalid reports anything else there.
    return index.soa.flatMap((statement) =>
      allEntries(statement)
        .filter((entry) => entry.form === 'table' && entry.applicable === undefined)
        .map((entry) => ({
          messageId: isUndecided(entry.applicableText) ? 'undecided' : entry.applicableText.trim() === '' ? 'empty' : 'unknown',
          data: { control: entry.control, text: entry.applicableText.trim() },
          file: statement.document.path,
          range: entry.applicableRange,
          // A row still to be decided is work in progress, not a mistake: shown, but it does not fail the run; the report counts it as not stated.
          ...(isUndecided(entry.applicableText) ? { severity: 'warn' as const } : {}),
        })));
  },
});
