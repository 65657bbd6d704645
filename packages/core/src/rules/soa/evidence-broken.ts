import { defineRepositoryRule, type Report } from '../types.js';
import { citesUnknowable, judgeEvidence } from './evidence.js';

export default defineRepositoryRule({
  id: 'soa/evidence-broken',
  defaultSeverity: 'error',
  description: 'SoA evidence that resolves to no file, heading anchor or document id, or that leaves the repository.',
  serves: ['6.1.3', '7.5.3'],
  messages: {
    broken: 'The evidence `{{evidence}}` for {{control}} cannot be found: {{reason}}.',
  },
  check(index) {
    return judgeEvidence(index, ({ item, entry, soaPath, target }): Report[] =>
      target.kind === 'broken' && !citesUnknowable(index, soaPath, item) ? [{ messageId: 'broken', data: { evidence: item.text, control: entry.control, reason: target.reason }, file: soaPath, range: item.range }] : []);
  },
});
