import { approvalOf } from '../../history/compare.js';
import { contentChanges, nextMinor } from '../../history/state.js';
import { keyRange } from '../../index/fields.js';
import { defineRepositoryRule } from '../types.js';

export default defineRepositoryRule({
  id: 'doc-control/changed-after-approval',
  defaultSeverity: 'error',
  description: 'An approved document whose content changed since its version was approved, without a new `version` or `approved_on` (from git history).',
  serves: ['7.5.2', '7.5.3'],
  messages: {
    changed:
      'Version {{version}} of this document was approved on {{approvedOn}} (commit {{commit}}), but {{changes}} changed since then: ' +
      'raise `version` (for example to {{next}}) and have the change approved again (a new `approved_by`/`approved_on`), or undo the change.',
  },
  check(index) {
    const { history } = index;
    if (!history) return [];
    return index.governed.flatMap((document) => {
      const past = history.documents.get(document.path);
      const approval = past && approvalOf(history, past);
      if (!past || !approval) return [];
      const changes = contentChanges(approval.state, past.current);
      if (changes.length === 0) return [];
      const version = past.current.version ?? '';
      return [{
        messageId: 'changed',
        data: { version, approvedOn: past.current.approvedOn ?? '', commit: approval.commit.slice(0, 7), changes: listed(changes), next: nextMinor(version) },
        file: document.path,
        range: keyRange(document, '/version'),
      }];
    });
  },
});

/** `a`, `a and b`, `a, b and c`. */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
