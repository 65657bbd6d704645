import { isRealJustification } from '../../index/queries.js';
import { allEntries } from '../../index/soa.js';
import { defineRepositoryRule } from '../types.js';

export default defineRepositoryRule({
  id: 'soa/exclusion-unjustified',
  defaultSeverity: 'error',
  description: 'An excluded control whose justification is missing or says nothing (empty, N/A, TBD, -).',
  serves: ['6.1.3'],
  messages: {
    missing: '{{control}} is excluded but has no justification; say why this control does not apply to your organisation.',
    empty: '{{control}} is excluded with the justification "{{justification}}", which does not say why; explain why this control does not apply.',
  },
  check(index) {
    return index.soa.flatMap((statement) =>
      allEntries(statement)
        .filter((entry) => entry.applicable === false && !isRealJustification(entry.justification))
        .map((entry) => ({
          messageId: entry.justification.trim() === '' ? 'missing' : 'empty',
          data: { control: entry.control, justification: entry.justification.trim() },
          file: statement.document.path,
          range: entry.justificationRange,
        })));
  },
});
