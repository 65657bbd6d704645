import { allEntries } from '../../index/soa.js';
import { defineRepositoryRule } from '../types.js';

export default defineRepositoryRule({
  id: 'soa/evidence-missing',
  defaultSeverity: 'error',
  description: 'An applicable control that lists no evidence.',
  serves: ['6.1.3', '7.5'],
  messages: {
    missing: '{{control}} is applicable but lists no evidence; link the documents that show it is implemented, or name their ids.',
  },
  check(index) {
    return index.soa.flatMap((statement) =>
      allEntries(statement)
        .filter((entry) => entry.applicable === true && entry.evidence.length === 0)
        .map((entry) => ({ messageId: 'missing', data: { control: entry.control }, file: statement.document.path, range: entry.evidenceRange })));
  },
});
