import { resolveLink } from '../../index/links.js';
import type { RepoIndex } from '../../index/repo-index.js';
import type { Link, SourceRange } from '../../model.js';
import { closest } from '../../util/suggest.js';
import { defineRepositoryRule, type Report } from '../types.js';

const placeKey = (path: string, range: SourceRange): string => `${path}:${range.line}:${range.column}`;

/** Links in SoA evidence cells: soa/evidence-broken reports those, in the SoA's words. */
function soaEvidenceLinks(index: RepoIndex): Set<string> {
  return new Set(index.soa.flatMap((statement) =>
    statement.tableEntries.flatMap((entry) => entry.evidence.map((item) => placeKey(statement.document.path, item.range)))));
}

/**
 * The heading a broken anchor surely meant: the same slug in another case or
 * spacing, else the one heading whose slug grew or shrank by whole words
 * around it (`#training-data` after "Training data sources" was renamed).
 */
export function renamedAnchor(anchors: readonly string[], wanted: string, sameSpelling: string | undefined): string | undefined {
  if (sameSpelling !== undefined) return sameSpelling;
  const around = anchors.filter((anchor) => anchor.startsWith(`${wanted}-`) || anchor.endsWith(`-${wanted}`) || wanted.startsWith(`${anchor}-`) || wanted.endsWith(`-${anchor}`));
  return around.length === 1 ? around[0] : undefined;
}

/** Edits that point the link's `#anchor` at `anchor`; a reference link's URL is elsewhere, so it gets none. */
function retarget(path: string, link: Link, anchor: string): Report['fix'] {
  const hashAt = link.url.indexOf('#');
  if (hashAt === -1 || link.kind !== 'inline') return undefined;
  return [{ file: path, range: link.range, find: link.url.slice(hashAt), text: `#${anchor}` }];
}

/** A surely meant heading is a fix; a merely near spelling ("did you mean") only a suggestion. */
function anchorCorrections(path: string, link: Link, anchors: readonly string[], wanted: string, meant: string | undefined): Pick<Report, 'fix' | 'suggestions'> {
  if (meant !== undefined) {
    const fix = retarget(path, link, meant);
    return fix ? { fix } : {};
  }
  const nearest = closest(wanted, anchors);
  const edits = nearest === undefined ? undefined : retarget(path, link, nearest);
  return edits ? { suggestions: [{ desc: `Link to #${nearest}`, edits }] } : {};
}

export default defineRepositoryRule({
  id: 'link/broken',
  defaultSeverity: 'error',
  description: 'A relative link in a governance document to a missing file, to a heading anchor the target does not have, or to a place outside the repository.',
  serves: ['7.5.3'],
  fixable: 'code',
  perDocument: true,
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
          case 'missing-anchor': {
            // The target's headings are unknown when its body could not be read: its own finding says why.
            if (index.unknowable.unreadBodies.has(target.path)) return [];
            const anchors = index.byPath.get(target.path)?.anchors ?? [];
            const meant = renamedAnchor(anchors, target.anchor, target.suggestion);
            return [{
              messageId: target.path === document.path ? 'missingAnchorHere' : 'missingAnchor',
              data: { path: target.path, anchor: target.anchor, suggestion: meant ? ` Did you mean \`#${meant}\`?` : '' },
              ...at,
              ...anchorCorrections(document.path, link, anchors, target.anchor, meant),
            }];
          }
          case 'outside':
            return [{ messageId: 'outside', data: { reason: target.reason }, ...at }];
          default:
            return [];
        }
      }));
  },
});
