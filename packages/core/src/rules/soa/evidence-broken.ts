import { allEntries } from '../../index/soa.js';
import { defineRepositoryRule, type Report } from '../types.js';
import { resolveEvidence } from './evidence.js';

export default defineRepositoryRule({
  id: 'soa/evidence-broken',
  defaultSeverity: 'error',
  description: 'SoA evidence that resolves to no file, heading anchor or document id, or that leaves the repository.',
  serves: ['6.1.3', '7.5.3'],
  messages: {
    broken: 'The evidence `{{evidence}}` for {{control}} cannot be found: {{reason}}.',
  },
  check(index) {
    return index.soa.flatMap((statement) =>
      allEntries(statement).flatMap((entry) =>
        entry.evidence.flatMap((item): Report[] => {
          const target = resolveEvidence(index, statement.document.path, item);
          if (target.kind !== 'broken') return [];
          return [{ messageId: 'broken', data: { evidence: item.text, control: entry.control, reason: target.reason }, file: statement.document.path, range: item.range }];
        })));
  },
});
