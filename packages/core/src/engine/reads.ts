import type { Frontmatter, IndexedDocument } from '../model.js';

/**
 * Which parts of the documents a repository rule reads. The Workspace hands
 * the rules documents seen through `watched`, runs each rule inside `readsOf`,
 * and after an edit re-runs only the rules that read a part the edit changed:
 * a rule is a function of what it read, so one that read none of the changed
 * parts answers as before.
 *
 * The parts: a document's top-level keys (`anchors`, `links`, `type`, ...);
 * `frontmatter` for whether it has frontmatter (and data) at all; one part
 * per frontmatter key (`frontmatter.data.status`), and `frontmatter.data.*`
 * for its list of keys; and `positions:<path>` for where things stand in one
 * document's frontmatter (its text, its start): read when a rule places a
 * finding there, changed by any edit of that frontmatter.
 */

/** The parts read since the innermost `readsOf` began; undefined outside one. */
let reading: Set<string> | undefined;

const note = (key: string): void => {
  reading?.add(key);
};

const DATA_KEYS = 'frontmatter.data.*';
const PRESENCE = 'frontmatter';
const positionsOf = (path: string): string => `positions:${path}`;

const DATA: ProxyHandler<Record<string, unknown>> = {
  get(target, key) {
    if (typeof key === 'string') note(`frontmatter.data.${key}`);
    return Reflect.get(target, key);
  },
  has(target, key) {
    if (typeof key === 'string') note(`frontmatter.data.${key}`);
    return Reflect.has(target, key);
  },
  getOwnPropertyDescriptor(target, key) {
    if (typeof key === 'string') note(`frontmatter.data.${key}`);
    return Reflect.getOwnPropertyDescriptor(target, key);
  },
  ownKeys(target) {
    note(DATA_KEYS);
    return Reflect.ownKeys(target);
  },
};

/** A frontmatter's data seen key by key; its text and places as the document's positions. */
function frontmatterHandler(path: string, data: Record<string, unknown> | null): ProxyHandler<Frontmatter> {
  const seenData = data === null ? null : new Proxy(data, DATA);
  return {
    get(target, key) {
      if (key === 'data') {
        note(PRESENCE);
        return seenData;
      }
      note(positionsOf(path));
      return Reflect.get(target, key);
    },
    has(target, key) {
      note(key === 'data' ? PRESENCE : positionsOf(path));
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      note(PRESENCE);
      note(positionsOf(path));
      return Reflect.ownKeys(target);
    },
  };
}

function documentHandler(document: IndexedDocument): ProxyHandler<IndexedDocument> {
  const { frontmatter } = document;
  const seenFrontmatter = frontmatter === null ? null : new Proxy(frontmatter, frontmatterHandler(document.path, frontmatter.data));
  return {
    get(target, key) {
      if (key === 'frontmatter') {
        note(PRESENCE);
        return seenFrontmatter;
      }
      if (typeof key === 'string') note(key);
      return Reflect.get(target, key);
    },
    has(target, key) {
      if (typeof key === 'string') note(key);
      return Reflect.has(target, key);
    },
    getOwnPropertyDescriptor(target, key) {
      // Only `{...document}` and the like ask: every part, the frontmatter's places included, counts as read.
      if (typeof key === 'string') note(key === 'frontmatter' ? positionsOf(target.path) : key);
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    ownKeys(target) {
      for (const key of Reflect.ownKeys(target)) if (typeof key === 'string') note(key);
      note(PRESENCE);
      note(DATA_KEYS);
      note(positionsOf(target.path));
      return Reflect.ownKeys(target);
    },
  };
}

const watchedOnes = new WeakMap<IndexedDocument, IndexedDocument>();
const targets = new WeakMap<object, object>();

/** The document as the rules see it: the same object for the same document, every read noted. */
export function watched(document: IndexedDocument): IndexedDocument {
  let view = watchedOnes.get(document);
  if (!view) {
    view = new Proxy(document, documentHandler(document));
    watchedOnes.set(document, view);
    targets.set(view, document);
  }
  return view;
}

/** The document behind a `watched` one, read without noting anything (the engine's own bookkeeping). */
export function unwatched(document: IndexedDocument): IndexedDocument {
  return (targets.get(document) as IndexedDocument | undefined) ?? document;
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

/** The parts that differ between two versions of a document (seen directly or through `watched`). */
export function changedParts(older: IndexedDocument, newer: IndexedDocument): Set<string> {
  const before = unwatched(older);
  const after = unwatched(newer);
  const changed = new Set<string>();
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (key === 'frontmatter') continue;
    const x = a[key];
    const y = b[key];
    if (x !== y && (typeof x !== 'object' || typeof y !== 'object' || !sameJson(x, y))) changed.add(key);
  }
  for (const part of frontmatterChanges(before, after)) changed.add(part);
  return changed;
}

function frontmatterChanges(before: IndexedDocument, after: IndexedDocument): string[] {
  const x = before.frontmatter;
  const y = after.frontmatter;
  if (x === y) return [];
  // Gained or lost its frontmatter, or its data (YAML that stopped parsing): everything about it changed.
  if (!x || !y || !x.data || !y.data) return [PRESENCE, DATA_KEYS, positionsOf(before.path), positionsOf(after.path)];
  const changed: string[] = [];
  if (x.yaml !== y.yaml || x.yamlStartLine !== y.yamlStartLine || !sameJson(x.range, y.range)) changed.push(positionsOf(after.path));
  const keys = Object.keys(x.data);
  const otherKeys = Object.keys(y.data);
  if (keys.length !== otherKeys.length || keys.some((key, i) => key !== otherKeys[i])) changed.push(DATA_KEYS);
  for (const key of new Set([...keys, ...otherKeys])) {
    if (!sameJson(x.data[key], y.data[key]) || Object.hasOwn(x.data, key) !== Object.hasOwn(y.data, key)) changed.push(`frontmatter.data.${key}`);
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
