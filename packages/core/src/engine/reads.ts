import type { IndexedDocument } from '../model.js';

/**
 * Which parts of the documents (their top-level keys: `frontmatter`,
 * `anchors`, `links`, ...) a repository rule reads. The Workspace hands the
 * rules documents seen through `watched`, runs each rule inside `readsOf`,
 * and after an edit re-runs only the rules that read a part the edit changed:
 * a rule is a function of what it read, so one that read none of the changed
 * parts answers as before.
 */

/** The parts read since the innermost `readsOf` began; undefined outside one. */
let reading: Set<string> | undefined;

const note = (key: string | symbol): void => {
  if (reading && typeof key === 'string') reading.add(key);
};

const WATCH: ProxyHandler<IndexedDocument> = {
  get(target, key) {
    note(key);
    return Reflect.get(target, key);
  },
  has(target, key) {
    note(key);
    return Reflect.has(target, key);
  },
  getOwnPropertyDescriptor(target, key) {
    note(key);
    return Reflect.getOwnPropertyDescriptor(target, key);
  },
  ownKeys(target) {
    const keys = Reflect.ownKeys(target);
    for (const key of keys) note(key);
    return keys;
  },
};

const watchedOnes = new WeakMap<IndexedDocument, IndexedDocument>();
const targets = new WeakMap<IndexedDocument, IndexedDocument>();

/** The document as the rules see it: the same object for the same document, every read noted. */
export function watched(document: IndexedDocument): IndexedDocument {
  let view = watchedOnes.get(document);
  if (!view) {
    view = new Proxy(document, WATCH);
    watchedOnes.set(document, view);
    targets.set(view, document);
  }
  return view;
}

/** The document behind a `watched` one, read without noting anything (the engine's own bookkeeping). */
export function unwatched(document: IndexedDocument): IndexedDocument {
  return targets.get(document) ?? document;
}

/** Run `work`, and the document parts it read; a nested run's reads count for the outer one too. */
export function readsOf<T>(work: () => T): { result: T; reads: Set<string> } {
  const outer = reading;
  const reads = new Set<string>();
  reading = reads;
  try {
    return { result: work(), reads };
  } finally {
    reading = outer;
    if (outer) for (const key of reads) outer.add(key);
  }
}

/** The parts that differ between two versions of a document (both seen directly, not through `watched`). */
export function changedParts(before: IndexedDocument, after: IndexedDocument): Set<string> {
  const changed = new Set<string>();
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[key];
    const y = b[key];
    if (x !== y && (typeof x !== 'object' || typeof y !== 'object' || !sameJson(x, y))) changed.add(key);
  }
  return changed;
}

/** Equal as data; a value JSON cannot write (a cycle of YAML aliases) counts as changed. */
function sameJson(x: unknown, y: unknown): boolean {
  try {
    return JSON.stringify(x) === JSON.stringify(y);
  } catch {
    return false;
  }
}
