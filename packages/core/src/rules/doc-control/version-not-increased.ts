import { previousApproved } from '../../history/compare.js';
import { compareVersions, nextMinor } from '../../history/state.js';
import { valueRange } from '../../index/fields.js';
import { defineRepositoryRule } from '../types.js';

export default defineRepositoryRule({
  id: 'doc-control/version-not-increased',
  defaultSeverity: 'error',
  description: 'A document whose `version` went down, or stayed the same while its content changed, since its last approved version (from git history).',
  serves: ['7.5.3'],
  messages: {
    lower: '`version` went down from {{previous}} (approved in commit {{commit}}) to {{version}}; versions only go up: write a version above {{previous}}, such as {{next}}.',
    same: 'The content changed since version {{previous}} was approved (commit {{commit}}), but `version` is still {{version}}: raise it, for example to {{next}}, so the approved version and this one can be told apart.',
  },
  check(index) {
    const { history } = index;
    if (!history) return [];
    return index.governed.flatMap((document) => {
      const past = history.documents.get(document.path);
      const previous = past && previousApproved(history, past);
      const version = past?.current.version;
      const before = previous?.state.version;
      if (!past || !previous || version === undefined || before === undefined) return [];
      const order = compareVersions(version, before);
      // Same version and same approval date on an approved document: changed-after-approval reports it.
      const reapproved = past.current.status !== 'approved' || past.current.approvedOn !== previous.state.approvedOn;
      const messageId = order === undefined || order > 0 ? undefined : order < 0 ? 'lower' : reapproved ? 'same' : undefined;
      if (messageId === undefined) return [];
      return [{
        messageId,
        data: { version, previous: before, commit: previous.commit.slice(0, 7), next: nextMinor(before) },
        file: document.path,
        range: valueRange(document, '/version'),
      }];
    });
  },
});
