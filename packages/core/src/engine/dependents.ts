import { affectedPaths } from '../discover/changed-files.js';
import type { RepoIndex } from '../index/repo-index.js';

/**
 * `--with-dependents`: the paths named on the command line, and the files
 * whose findings depend on them (links, ids, SoA evidence), the same set as
 * `--changed-since` finds for a change. A pre-commit hook is given only the
 * staged files; renaming a heading there breaks the SoA that links to it,
 * and the hook must say so.
 */
export function withDependents(index: RepoIndex, isNamed: (path: string) => boolean): (path: string) => boolean {
  const named = index.documents.map((document) => document.path).filter(isNamed);
  const affected = affectedPaths(index, { changed: named, deleted: [], deletedIds: [] });
  return (path) => isNamed(path) || affected.has(path);
}
