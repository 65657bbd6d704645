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
 *
 * For the few documents in focus (those being edited), each part is also
 * noted with the document's path (`frontmatter.data.status@aims/policy.md`),
 * and the run notes `focus@<path>`: a rule that read other documents' status
 * but not this one's need not run again when this one's status changes.
 */

/** The parts read since the innermost `readsOf` began; undefined outside one. */
let reading: Set<string> | undefined;

const note = (key: string): void => {
  reading?.add(key);
};

/** The paths of the documents in focus: their reads are also noted per document. */
let focus: ReadonlySet<string> = new Set();
/** Counts changes of `focus`, so each document asks whether it is in focus once per change, not per read. */
let focusGeneration = 0;

/** The documents (paths) whose reads are noted one by one from now on: the few being edited. */
export function setFocus(paths: ReadonlySet<string>): void {
  focus = new Set(paths);
  focusGeneration++;
}

/** How reads of one document are noted: by part, and by part and path while it is in focus. */
function noterOf(path: string): (key: string) => void {
  let generation = -1;
  let inFocus = false;
  return (key) => {
    if (!reading) return;
    reading.add(key);
    if (generation !== focusGeneration) {
      generation = focusGeneration;
      inFocus = focus.has(path);
    }
    if (inFocus) reading.add(`${key}@${path}`);
  };
}

/** `frontmatter.data.<key>`, made once per key: a rule reads the same keys of thousands of documents. */
const dataParts = new Map<string, string>();
function dataPart(key: string): string {
  let part = dataParts.get(key);
  if (part === undefined) {
    part = `frontmatter.data.${key}`;
    // Keys are the documents' own words: a bound keeps a repository of odd keys from growing this without end.
    if (dataParts.size < 10_000) dataParts.set(key, part);
  }
  return part;
}

/** The mark a run leaves when `path` was in focus: its reads of that document are known part by part. */
export const focusMark = (path: string): string => `focus@${path}`;

/** A part of one document, as noted for a document in focus. */
export const partOf = (part: string, path: string): string => (part.startsWith('positions:') ? part : `${part}@${path}`);

const DATA_KEYS = 'frontmatter.data.*';
const PRESENCE = 'frontmatter';
const positionsOf = (path: string): string => `positions:${path}`;

function dataHandler(noteOf: (key: string) => void): ProxyHandler<Record<string, unknown>> {
  return {
    get(target, key) {
      if (typeof key === 'string') noteOf(dataPart(key));
      return target[key as string];
    },
    has(target, key) {
      if (typeof key === 'string') noteOf(dataPart(key));
      return Reflect.has(target, key);
    },
    getOwnPropertyDescriptor(target, key) {
      if (typeof key === 'string') noteOf(dataPart(key));
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    ownKeys(target) {
      noteOf(DATA_KEYS);
      return Reflect.ownKeys(target);
    },
  };
}

/** A frontmatter's data seen key by key; its text and places as the document's positions. */
class WatchedFrontmatter implements Frontmatter {
  readonly data: Record<string, unknown> | null;

  readonly #target: Frontmatter;
  readonly #positions: string;

  constructor(target: Frontmatter, positions: string, noteOf: (key: string) => void) {
    this.#target = target;
    this.#positions = positions;
    this.data = target.data === null ? null : new Proxy(target.data, dataHandler(noteOf));
  }

  get range(): Frontmatter['range'] {
    note(this.#positions);
    return this.#target.range;
  }

  get yaml(): string {
    note(this.#positions);
    return this.#target.yaml;
  }

  get yamlStartLine(): number {
    note(this.#positions);
    return this.#target.yamlStartLine;
  }
}

/**
 * A document as the rules see it: each part noted as it is read. Getters,
 * not a Proxy: rules read documents' parts millions of times in a pass, and
 * an accessor costs a fraction of a trap.
 */
class WatchedDocument implements IndexedDocument {
  readonly #target: IndexedDocument;
  readonly #noteOf: (key: string) => void;
  readonly #frontmatter: Frontmatter | null;

  constructor(target: IndexedDocument) {
    this.#target = target;
    this.#noteOf = noterOf(target.path);
    this.#frontmatter = target.frontmatter === null ? null : new WatchedFrontmatter(target.frontmatter, positionsOf(target.path), this.#noteOf);
  }

  get path(): string {
    this.#noteOf('path');
    return this.#target.path;
  }

  get hash(): string {
    this.#noteOf('hash');
    return this.#target.hash;
  }

  get type(): string | undefined {
    this.#noteOf('type');
    return this.#target.type;
  }

  get frontmatter(): Frontmatter | null {
    this.#noteOf(PRESENCE);
    return this.#frontmatter;
  }

  get problems(): IndexedDocument['problems'] {
    this.#noteOf('problems');
    return this.#target.problems;
  }

  get governance(): boolean {
    this.#noteOf('governance');
    return this.#target.governance;
  }

  get skipped(): boolean {
    this.#noteOf('skipped');
    return this.#target.skipped;
  }

  get lineCount(): number {
    this.#noteOf('lineCount');
    return this.#target.lineCount;
  }

  get anchors(): string[] {
    this.#noteOf('anchors');
    return this.#target.anchors;
  }

  get links(): IndexedDocument['links'] {
    this.#noteOf('links');
    return this.#target.links;
  }

  get tables(): IndexedDocument['tables'] {
    this.#noteOf('tables');
    return this.#target.tables;
  }

  get directives(): IndexedDocument['directives'] {
    this.#noteOf('directives');
    return this.#target.directives;
  }

  get salvaged(): IndexedDocument['salvaged'] {
    this.#noteOf('salvaged');
    return this.#target.salvaged;
  }
}

const watchedOnes = new WeakMap<IndexedDocument, IndexedDocument>();
const targets = new WeakMap<object, IndexedDocument>();

/** The document as the rules see it: the same object for the same document, every read noted. */
export function watched(document: IndexedDocument): IndexedDocument {
  let view = watchedOnes.get(document);
  if (!view) {
    view = new WatchedDocument(document);
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
  const reads = new Set([...focus].map(focusMark));
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
