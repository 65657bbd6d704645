/**
 * The report's change history: per governance document, the versions git
 * holds, with their approval dates and the commits that made them, so an
 * auditor sees the control of changes (clause 7.5.3) without opening git.
 * Built from the history the run gathered for document control.
 */
import type { GitHistory, PastVersion } from '../history/gather.js';
import type { RepoIndex } from '../index/repo-index.js';
import type { IndexedDocument } from '../model.js';
import { escapeHtml } from './html.js';
import { escapeMarkdown } from './markdown.js';
import { repositoryHref, type RenderOptions } from './present.js';
import type { DocumentRef } from './types.js';

/** Versions listed per document; older ones are counted, not listed, so a PR comment stays within its size. */
const VERSIONS_SHOWN = 10;

/** One version of a document: the run of commits that kept the same version, status and approval. */
export interface VersionEntry {
  version: string | undefined;
  status: string | undefined;
  approvedOn: string | undefined;
  approvedBy: string | undefined;
  /** The commit that first had this version and approval (full id), and its date. */
  commit: string;
  committedOn: string;
  /** Commits that changed the document while it had this version, this one included. */
  commits: number;
}

export interface DocumentVersions {
  document: DocumentRef;
  /** Newest first. */
  versions: VersionEntry[];
  /** Versions older than those listed. */
  olderVersions: number;
}

export interface ChangeHistory {
  documents: DocumentVersions[];
}

const sameVersion = (a: PastVersion, b: PastVersion): boolean =>
  a.state.version === b.state.version && a.state.status === b.state.status && a.state.approvedOn === b.state.approvedOn && a.state.approvedBy === b.state.approvedBy;

/** Commits newest first to versions newest first: a run of commits with the same version and approval is one version. */
export function versionsOf(past: readonly PastVersion[]): VersionEntry[] {
  const versions: VersionEntry[] = [];
  let previous: PastVersion | undefined;
  for (const commit of past) {
    const last = versions[versions.length - 1];
    if (last && previous && sameVersion(previous, commit)) {
      // Walking back in time: the version started at this older commit.
      last.commit = commit.commit;
      last.committedOn = commit.date;
      last.commits++;
    } else {
      const { version, status, approvedOn, approvedBy } = commit.state;
      versions.push({ version, status, approvedOn, approvedBy, commit: commit.commit, committedOn: commit.date, commits: 1 });
    }
    previous = commit;
  }
  return versions;
}

/**
 * Undefined when the run read no history (no git checkout at the root, or the
 * document-control rules off): then the report has no such section, as before.
 */
export function changeHistory(index: RepoIndex, documentRef: (document: IndexedDocument) => DocumentRef): ChangeHistory | undefined {
  const history: GitHistory | undefined = index.history;
  if (!history || history.mode !== 'full') return undefined;
  const documents = [...history.documents.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([path, past]): DocumentVersions[] => {
      const document = index.byPath.get(path);
      const versions = versionsOf(past.versions);
      return document ? [{ document: documentRef(document), versions: versions.slice(0, VERSIONS_SHOWN), olderVersions: Math.max(0, versions.length - VERSIONS_SHOWN) }] : [];
    });
  return { documents };
}

const cell = (text: string | undefined): string => (text === undefined ? '' : escapeMarkdown(text));

export function changeHistoryMarkdown(history: ChangeHistory | undefined, options: RenderOptions): string[] {
  if (!history) return [];
  const heading = ['## Change history (document control, clause 7.5.3)', ''];
  if (history.documents.length === 0) return [...heading, 'No governance document has a past version in git yet.'];
  const rows = history.documents.flatMap(({ document, versions, olderVersions }) => [
    ...versions.map((entry, at) => [
      at === 0 ? `[${escapeMarkdown(document.id ?? document.path)}](${repositoryHref(document.path, options.linkBase).replace(/[()]/g, encodeURIComponent)})` : '',
      cell(entry.version), cell(entry.status), cell(entry.approvedOn), cell(entry.approvedBy),
      `\`${entry.commit.slice(0, 7)}\` ${cell(entry.committedOn)}`, String(entry.commits),
    ]),
    ...(olderVersions > 0 ? [['', `${olderVersions} older`, '', '', '', '', '']] : []),
  ]);
  return [
    ...heading,
    '| Document | Version | Status | Approved on | Approved by | First commit | Commits |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
}

export function changeHistoryHtml(history: ChangeHistory | undefined, options: RenderOptions): string {
  if (!history) return '';
  const text = (value: string | undefined) => escapeHtml(value ?? '');
  const body = history.documents.length === 0
      ? '<p>No governance document has a past version in git yet.</p>'
      : `<table>
<thead><tr><th>Document</th><th>Version</th><th>Status</th><th>Approved on</th><th>Approved by</th><th>First commit</th><th>Commits</th></tr></thead>
<tbody>
${history.documents.flatMap(({ document, versions, olderVersions }) => [
  ...versions.map((entry, at) => `<tr><td>${at === 0 ? `<a href="${escapeHtml(repositoryHref(document.path, options.linkBase))}">${text(document.id ?? document.path)}</a>` : ''}</td><td>${text(entry.version)}</td><td>${text(entry.status)}</td><td>${text(entry.approvedOn)}</td><td>${text(entry.approvedBy)}</td><td><code>${text(entry.commit.slice(0, 7))}</code> ${text(entry.committedOn)}</td><td>${entry.commits}</td></tr>`),
  ...(olderVersions > 0 ? [`<tr><td></td><td colspan="6" class="muted">${olderVersions} older versions</td></tr>`] : []),
]).join('\n')}
</tbody>
</table>`;
  return `<section id="change-history">
<h2>Change history (document control, clause 7.5.3)</h2>
${body}
</section>`;
}
