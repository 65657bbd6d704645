import { repositoryPathOf } from '../index/links.js';
import type { IndexedDocument } from '../model.js';
import { REFERENCE_FIELDS } from '../rules/ref/unresolved.js';

const FIELDS = Object.keys(REFERENCE_FIELDS);

/** What a document names: the ids in its id fields and the repository paths its links lead to. */
function namesOf(document: IndexedDocument): string[] {
  const names: string[] = [];
  const data = document.frontmatter?.data;
  for (const field of data ? FIELDS : []) {
    const value = data?.[field];
    const items: unknown[] = Array.isArray(value) ? value : [value];
    for (const item of items) if (typeof item === 'string') names.push(`id:${item}`);
  }
  for (const link of document.links) {
    const target = repositoryPathOf(document.path, link.url);
    if (target !== null && 'path' in target) names.push(`path:${target.path}`);
  }
  return names;
}

/**
 * Who names whom, kept up to date one document at a time: after an edit the
 * Workspace asks which documents name the edited one (by an id it defines or
 * by a link to its path) without looking at every document again.
 */
export class Naming {
  private readonly namers = new Map<string, Set<string>>();
  private readonly named = new Map<string, readonly string[]>();

  /** A document's current version (undefined: it is gone). */
  set(path: string, document: IndexedDocument | undefined): void {
    for (const name of this.named.get(path) ?? []) this.namers.get(name)?.delete(path);
    this.named.delete(path);
    if (!document) return;
    const names = namesOf(document);
    this.named.set(path, names);
    for (const name of names) {
      const set = this.namers.get(name);
      if (set) set.add(path);
      else this.namers.set(name, new Set([path]));
    }
  }

  /** The documents that name one of `ids` in an id field or link to one of `paths`. */
  naming(ids: Iterable<string>, paths: Iterable<string>): Set<string> {
    const found = new Set<string>();
    for (const name of [...[...ids].map((id) => `id:${id}`), ...[...paths].map((path) => `path:${path}`)]) {
      for (const path of this.namers.get(name) ?? []) found.add(path);
    }
    return found;
  }
}
