/**
 * Changed-files mode (`--changed-since`, the Action's `changed-since`).
 *
 * The approach: lint the whole repository as always (cross-document checks
 * need every document), then keep the results of
 *   - the files changed since the ref, and
 *   - every file that links to, or names by id, a changed or deleted file.
 * The second set matters because a change breaks documents that were not
 * touched: deleting an evidence file breaks the SoA that points at it,
 * renaming an id breaks everything that names it. The ids that deleted files
 * defined are read from the ref, since the files are gone from the work tree.
 */
import { UsageError } from '../errors.js';
import { repositoryPathOf } from '../index/links.js';
import type { RepoIndex } from '../index/repo-index.js';
import type { IndexedDocument } from '../model.js';
import { findRepository, type GitRepository, runGit, splitNul } from '../util/git.js';

export interface ChangedFiles {
  /** Added or modified since the ref, relative to the root, `/`-separated. */
  changed: string[];
  /** Deleted since the ref (renames count as delete + add). */
  deleted: string[];
  /** Ids (documents and roles) that the deleted files defined at the ref. */
  deletedIds: string[];
}

/** A git call under the root, its failure a usage error (exit 2) that names the command. */
async function git(repository: GitRepository, root: string, args: string[]): Promise<string> {
  try {
    return await runGit(repository, args, { cwd: root });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Paths relative to the root (`--relative`), limited to what lies under it. */
const diffNames = (repository: GitRepository, root: string, base: string, filter: string): Promise<string> =>
  git(repository, root, ['diff', '--no-ext-diff', '--no-textconv', '--name-only', '--no-renames', '-z', '--relative', `--diff-filter=${filter}`, base, '--']);

/** Document and role ids in a file's frontmatter: `id: X` and `- id: X` lines of the first `---` block. */
export function idsInFrontmatter(text: string): string[] {
  // Line by line: multi-line patterns with `\s*` backtracked quadratically over blank lines and stray `---` lines.
  const lines = text.split('\n');
  if (lines[0]?.replace(/^\uFEFF/, '').replace(/\r$/, '') !== '---') return [];
  const ids: string[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (CLOSING_FENCE.test(line)) return ids;
    const id = ID_LINE.exec(line)?.[1];
    if (id) ids.push(id);
  }
  return [];
}

const CLOSING_FENCE = /^---[ \t\r]*$/;
const ID_LINE = /^[ \t]*(?:-[ \t]+)?id:[ \t]*["']?([^\s"'#]+)/;

async function idsDefinedAt(repository: GitRepository, root: string, ref: string, paths: readonly string[]): Promise<string[]> {
  // runGit bounds how many run at once; `cat-file blob` prints the bytes as stored, never through a textconv filter.
  const ids = await Promise.all(paths.map(async (path) => idsInFrontmatter(await git(repository, root, ['cat-file', 'blob', `${ref}:./${path}`]))));
  return ids.flat();
}

/**
 * What changed between the merge base of `ref` and the work tree, under
 * `root`: commits since then, staged and unstaged edits, and new files git
 * does not ignore, so a local run sees the edit it is about to commit. Needs
 * the history: a shallow clone (actions/checkout's default) has no merge
 * base, so the error says to fetch it.
 */
export async function changedFilesSince(root: string, ref: string): Promise<ChangedFiles> {
  // A ref is passed as an argument, never through a shell; one that looks like an option is refused outright.
  if (ref === '' || ref.startsWith('-')) throw new UsageError(`changed-since needs a git ref such as origin/main, got "${ref}"`);
  const repository = findRepository(root);
  if (!repository) throw new UsageError("changed-since needs a git checkout, and the linted folder is not inside one");
  let base: string;
  try {
    base = (await git(repository, root, ['merge-base', '--end-of-options', ref, 'HEAD'])).trim();
  } catch (error) {
    throw new UsageError(`cannot find what changed since "${ref}": ${(error as Error).message}. Is the ref fetched, and the history deep enough (actions/checkout: fetch-depth: 0)?`);
  }
  const [changed, deleted, untracked] = await Promise.all([
    diffNames(repository, root, base, 'd'),
    diffNames(repository, root, base, 'D'),
    git(repository, root, ['ls-files', '--others', '--exclude-standard', '-z', '--', '.']),
  ]);
  const deletedPaths = splitNul(deleted);
  return {
    changed: [...splitNul(changed), ...splitNul(untracked)],
    deleted: deletedPaths,
    deletedIds: await idsDefinedAt(repository, root, base, deletedPaths.filter((path) => /\.(md|markdown)$/i.test(path))),
  };
}

/** Every string in the frontmatter, however deep: where a document names ids. */
function frontmatterStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value.trim()];
  if (Array.isArray(value)) return value.flatMap(frontmatterStrings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(frontmatterStrings);
  return [];
}

function namedIds(index: RepoIndex, document: IndexedDocument): string[] {
  const statement = index.soa.find((soa) => soa.document === document);
  const tableIds = statement ? statement.tableEntries.flatMap((entry) => entry.evidence.filter((item) => item.kind === 'id').map((item) => item.text)) : [];
  return [...frontmatterStrings(document.frontmatter?.data ?? null), ...tableIds];
}

/** Paths a document points at: its links, and for an SoA the evidence paths of its frontmatter. */
function linkedPaths(index: RepoIndex, document: IndexedDocument): string[] {
  const statement = index.soa.find((soa) => soa.document === document);
  const urls = [
    ...document.links.map((link) => link.url),
    ...(statement?.frontmatterEntries.flatMap((entry) => entry.evidence.filter((item) => item.kind === 'link').map((item) => item.text)) ?? []),
  ];
  return urls.flatMap((url) => {
    const target = repositoryPathOf(document.path, url);
    return target && 'path' in target ? [target.path] : [];
  });
}

/**
 * The files whose findings a change can affect: see the comment at the top of
 * this file. Both directions count: the files that point at what changed, and
 * the files that what changed points at (a model card moved to draft changes
 * the findings of the AI system it names).
 */
export function affectedPaths(index: RepoIndex, changes: ChangedFiles): Set<string> {
  const changed = new Set(changes.changed);
  const touched = new Set([...changes.changed, ...changes.deleted]);
  const ids = new Set(changes.deletedIds);
  for (const [id, definitions] of index.ids) {
    if (definitions.some((definition) => changed.has(definition.document.path))) ids.add(id);
  }
  const affected = new Set<string>();
  for (const document of index.documents) {
    if (changed.has(document.path) || linkedPaths(index, document).some((path) => touched.has(path)) || namedIds(index, document).some((id) => ids.has(id))) {
      affected.add(document.path);
    }
    if (!changed.has(document.path)) continue;
    for (const path of linkedPaths(index, document)) affected.add(path);
    for (const id of namedIds(index, document)) for (const definition of index.ids.get(id) ?? []) affected.add(definition.document.path);
  }
  return affected;
}

/** A change to the config or a schema can change every finding: then everything is reported. */
export function changesSettings(changes: ChangedFiles, settingsFiles: readonly string[]): boolean {
  const touched = new Set([...changes.changed, ...changes.deleted]);
  return settingsFiles.some((file) => touched.has(file));
}
