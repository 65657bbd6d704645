import { resolveLink } from '../../index/links.js';
import type { RepoIndex } from '../../index/repo-index.js';
import type { SourceRange } from '../../model.js';
import { defineRepositoryRule, type Report } from '../types.js';

const placeKey = (path: string, range: SourceRange): string => `${path}:${range.line}:${range.column}`;

/** Links in SoA evidence cells: soa/evidence-broken reports those, in the SoA's words. */
function soaEvidenceLinks(index: RepoIndex): Set<string> {
  return new Set(index.soa.flatMap((statement) =>
    statement.tableEntries.flatMap((entry) => entry.evidence.map((item) => placeKey(statement.document.path, item.range)))));
}

export default defineRepositoryRule({
  id: 'link/broken',
  defaultSeverity: 'error',
  description: 'A relative link in a governance document to a missing file, to a heading anchor the target does not have, or to a place outside the repository.',
  serves: ['7.5.3'],
  messages: {
    missingFile: 'This link points at `{{path}}`, which does not exist in the repository.',
    missingAnchor: '`{{path}}` has no heading for `#{{anchor}}`.{{suggestion}}',
    missingAnchorHere: 'This document has no heading for `#{{anchor}}`.{{suggestion}}',
    outside: 'This link cannot be followed: {{reason}}. Link to a document inside the repository.',
  },
  check(index) {
    const evidence = soaEvidenceLinks(index);
    // Governance documents only: other Markdown (a README, a changelog) is not aimslint's to judge.
    return index.governed.flatMap((document) =>
      document.links.flatMap((link): Report[] => {
        if (evidence.has(placeKey(document.path, link.range))) return [];
        const target = resolveLink(index, document.path, link.url);
        const at = { file: document.path, range: link.range };
        switch (target.kind) {
          case 'missing-file':
            return [{ messageId: 'missingFile', data: { path: target.path }, ...at }];
          case 'missing-anchor':
            // The target's headings are unknown when its body could not be read: its own finding says why.
            if (index.unknowable.unreadBodies.has(target.path)) return [];
            return [{
              messageId: target.path === document.path ? 'missingAnchorHere' : 'missingAnchor',
              data: { path: target.path, anchor: target.anchor, suggestion: target.suggestion ? ` Did you mean \`#${target.suggestion}\`?` : '' },
              ...at,
            }];
          case 'outside':
            return [{ messageId: 'outside', data: { reason: target.reason }, ...at }];
          default:
            return [];
        }
      }));
  },
});
