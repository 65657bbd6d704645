import { resolveLink } from '../../index/links.js';
import type { RepoIndex } from '../../index/repo-index.js';
import type { Link, SourceRange } from '../../model.js';
import { closest, SuggestionBudget } from '../../util/suggest.js';
import { defineRepositoryRule, type Report } from '../types.js';

/** Edit-distance cells the run's anchor suggestions may spend: far more than any real repository needs. */
const SUGGESTION_CELLS_PER_RUN = 20_000_000;

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
  if (wanted.length > MAX_AFFIX_LENGTH) return undefined;
  const { exact, byAffix } = affixIndexOf(anchors);
  const around = new Set(byAffix.get(wanted) ?? []);
  // The wanted slug grew by whole words: one of its dash-separated prefixes or suffixes is a heading.
  for (const affix of dashAffixes(wanted)) if (exact.has(affix)) around.add(affix);
  return around.size === 1 ? [...around][0] : undefined;
}

/** Headings longer than this are not searched for renamed words: real slugs are a few dozen characters. */
const MAX_AFFIX_LENGTH = 128;

/** `a-b-c` → `a`, `a-b`, `b-c`, `c`: what remains when whole words are cut from either end. */
function dashAffixes(slug: string): string[] {
  const affixes: string[] = [];
  for (let at = slug.indexOf('-'); at !== -1; at = slug.indexOf('-', at + 1)) affixes.push(slug.slice(0, at), slug.slice(at + 1));
  return affixes;
}

interface AffixIndex {
  exact: ReadonlySet<string>;
  /** A dash-separated prefix or suffix of an anchor, to the anchors that have it. */
  byAffix: ReadonlyMap<string, string[]>;
}

/** Built once per document's anchors, so a thousand broken links to one file do not each scan its headings. */
const affixIndexes = new WeakMap<readonly string[], AffixIndex>();

function affixIndexOf(anchors: readonly string[]): AffixIndex {
  let index = affixIndexes.get(anchors);
  if (index) return index;
  const byAffix = new Map<string, string[]>();
  for (const anchor of anchors) {
    if (anchor.length > MAX_AFFIX_LENGTH) continue;
    for (const affix of dashAffixes(anchor)) {
      const list = byAffix.get(affix);
      if (list) list.push(anchor);
      else byAffix.set(affix, [anchor]);
    }
  }
  index = { exact: new Set(anchors), byAffix };
  affixIndexes.set(anchors, index);
  return index;
}

/** Edits that point the link's `#anchor` at `anchor`; a reference link's URL is elsewhere, so it gets none. */
function retarget(path: string, link: Link, anchor: string): Report['fix'] {
  const hashAt = link.url.indexOf('#');
  if (hashAt === -1 || link.kind !== 'inline') return undefined;
  return [{ file: path, range: link.range, find: link.url.slice(hashAt), text: `#${anchor}` }];
}

/** A surely meant heading is a fix; a merely near spelling ("did you mean") only a suggestion. */
function anchorCorrections(path: string, link: Link, anchors: readonly string[], wanted: string, meant: string | undefined, budget: SuggestionBudget): Pick<Report, 'fix' | 'suggestions'> {
  if (meant !== undefined) {
    const fix = retarget(path, link, meant);
    return fix ? { fix } : {};
  }
  const nearest = closest(wanted, anchors, budget);
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
    // One budget for the run's "did you mean": thousands of broken links against thousands of headings stay bounded.
    const budget = new SuggestionBudget(SUGGESTION_CELLS_PER_RUN);
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
              ...anchorCorrections(document.path, link, anchors, target.anchor, meant, budget),
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
