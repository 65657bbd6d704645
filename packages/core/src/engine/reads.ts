import type { Frontmatter, IndexedDocument } from '../model.js';

/**
 * Which parts of the documents a repository rule reads. The Workspace hands
 * the rules documents seen through its tracker's `watched`, runs each rule
 * inside `readsOf`, and after an edit re-runs only the rules that read a part
 * the edit changed: a rule is a function of what it read, so one that read
 * none of the changed parts answers as before.
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

/**
 * One Workspace's read-tracking: the run in progress, the documents in focus
 * and its watched views of the documents. Kept in an instance, not the
 * module, so two Workspaces in one process (or a Workspace and a test) never
 * note reads into each other's runs.
 */
export class ReadTracker {
  /** The parts read since the innermost `readsOf` began; undefined outside one. */
  #reading: Set<string> | undefined;
  /** The paths of the documents in focus: their reads are also noted per document. */
  #focus: ReadonlySet<string> = new Set();
  /** Counts changes of `focus`, so each document asks whether it is in focus once per change, not per read. */
  #focusGeneration = 0;
  /** `frontmatter.data.<key>`, made once per key: a rule reads the same keys of thousands of documents. */
  readonly #dataParts = new Map<string, string>();
  /** Each document's view, so the rules see the same object for the same document. */
  readonly #views = new WeakMap<IndexedDocument, IndexedDocument>();

  /** The documents (paths) whose reads are noted one by one from now on: the few being edited. */
  setFocus(paths: ReadonlySet<string>): void {
    this.#focus = new Set(paths);
    this.#focusGeneration++;
  }

  /** The document as the rules see it: the same object for the same document, every read noted. */
  watched(document: IndexedDocument): IndexedDocument {
    let view = this.#views.get(document);
    if (!view) {
      view = new WatchedDocument(document, this.#notesOf(document.path));
      this.#views.set(document, view);
    }
    return view;
  }

  /** Run `work`, and the document parts it read; a nested run's reads count for the outer one too. */
  readsOf<T>(work: () => T): { result: T; reads: Set<string> } {
    const outer = this.#reading;
    const reads = new Set([...this.#focus].map(focusMark));
    this.#reading = reads;
    try {
      return { result: work(), reads };
    } finally {
      this.#reading = outer;
      if (outer) for (const key of reads) outer.add(key);
    }
  }

  /** How reads of one document are noted: by part, and by part and path while it is in focus. */
  #notesOf(path: string): DocumentNotes {
    let generation = -1;
    let inFocus = false;
    const part = (key: string): void => {
      const reading = this.#reading;
      if (!reading) return;
      reading.add(key);
      if (generation !== this.#focusGeneration) {
        generation = this.#focusGeneration;
        inFocus = this.#focus.has(path);
      }
      if (inFocus) reading.add(`${key}@${path}`);
    };
    const positions = positionsOf(path);
    return {
      part,
      data: (key) => part(this.#dataPart(key)),
      // Positions name their document already: noted once, in focus or not.
      positions: () => this.#reading?.add(positions),
    };
  }

  #dataPart(key: string): string {
    let part = this.#dataParts.get(key);
    if (part === undefined) {
      part = `frontmatter.data.${key}`;
      // Keys are the documents' own words: a bound keeps a repository of odd keys from growing this without end.
      if (this.#dataParts.size < 10_000) this.#dataParts.set(key, part);
    }
    return part;
  }
}

/** How a watched document notes what is read of it, into its tracker's run. */
interface DocumentNotes {
  /** A part of the document: a top-level key, `frontmatter` or `frontmatter.data.*`. */
  readonly part: (key: string) => void;
  /** One key of its frontmatter's data. */
  readonly data: (key: string) => void;
  /** Where things stand in its frontmatter. */
  readonly positions: () => void;
}

/** The mark a run leaves when `path` was in focus: its reads of that document are known part by part. */
export const focusMark = (path: string): string => `focus@${path}`;

/** A part of one document, as noted for a document in focus. */
export const partOf = (part: string, path: string): string => (part.startsWith('positions:') ? part : `${part}@${path}`);

const DATA_KEYS = 'frontmatter.data.*';
const PRESENCE = 'frontmatter';
const positionsOf = (path: string): string => `positions:${path}`;

function dataHandler(notes: DocumentNotes): ProxyHandler<Record<string, unknown>> {
  return {
    get(target, key) {
      if (typeof key === 'string') notes.data(key);
      return target[key as string];
    },
    has(target, key) {
      if (typeof key === 'string') notes.data(key);
      return Reflect.has(target, key);
    },
    getOwnPropertyDescriptor(target, key) {
      if (typeof key === 'string') notes.data(key);
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    ownKeys(target) {
      notes.part(DATA_KEYS);
      return Reflect.ownKeys(target);
    },
  };
}

/** A frontmatter's data seen key by key; its text and places as the document's positions. */
class WatchedFrontmatter implements Frontmatter {
  readonly data: Record<string, unknown> | null;

  readonly #target: Frontmatter;
  readonly #notes: DocumentNotes;

  constructor(target: Frontmatter, notes: DocumentNotes) {
    this.#target = target;
    this.#notes = notes;
    this.data = target.data === null ? null : new Proxy(target.data, dataHandler(notes));
  }

  get range(): Frontmatter['range'] {
    this.#notes.positions();
    return this.#target.range;
  }

  get yaml(): string {
    this.#notes.positions();
    return this.#target.yaml;
  }

  get yamlStartLine(): number {
    this.#notes.positions();
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

  constructor(target: IndexedDocument, notes: DocumentNotes) {
    this.#target = target;
    this.#noteOf = notes.part;
    this.#frontmatter = target.frontmatter === null ? null : new WatchedFrontmatter(target.frontmatter, notes);
  }

  /** The document behind a view, read without noting anything; any other document as it is. */
  static targetOf(document: IndexedDocument): IndexedDocument {
    return #target in document ? document.#target : document;
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

/** The document behind a `watched` one, read without noting anything (the engine's own bookkeeping). */
export function unwatched(document: IndexedDocument): IndexedDocument {
  return WatchedDocument.targetOf(document);
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
