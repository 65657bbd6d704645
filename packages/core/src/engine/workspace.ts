import { getCatalog, catalogNames, type Catalog } from '../catalog/index.js';
import { loadConfig } from '../config/load.js';
import type { ResolvedConfig } from '../config/types.js';
import { discover, type DiscoveredFile } from '../discover/discover.js';
import { UsageError } from '../errors.js';
import { resolveFinding } from '../fix/resolve.js';
import type { SourceText } from '../fix/source.js';
import { buildIndex, rolesOf, type IndexInput, type RepoIndex } from '../index/repo-index.js';
import { replaceDocument } from '../index/replace-document.js';
import { readCodeowners, type Codeowners } from '../index/codeowners.js';
import { stringField, valueRange } from '../index/fields.js';
import { repositoryPathOf } from '../index/links.js';
import type { Finding, IndexedDocument, ParsedDocument, Severity, SeveritySetting, SourceRange } from '../model.js';
import { capFindings, TOO_MANY_FINDINGS } from '../rules/file/too-many-findings.js';
import { SchemaRegistry } from '../schemas/registry.js';
import { compareFindings, toFinding } from './findings.js';
import { existenceChecker } from './check.js';
import { activeRules, sourceReader, suppressInline, validNow, type ActiveRule } from './lint.js';
import { processFile, readDocument, type FileJobSettings, type FileOutcome } from './process-file.js';
import { parseInWorkers, workerCount } from './worker-pool.js';
import { Naming } from './naming.js';
import { applyBulkSuppressions, readBulkSuppressions, SUPPRESSIONS_FILE, type BulkSuppressions } from './baseline.js';
import { directivesOf } from './suppressions.js';
import { changedParts, focusMark, partOf, ReadTracker, unwatched } from './reads.js';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface WorkspaceOptions {
  cwd: string;
  configFile?: string;
  ruleOverrides?: Record<string, SeveritySetting>;
  now?: string;
  workers?: number | 'auto';
  workerUrl?: URL;
}

/**
 * A repository kept in memory for a long-lived process (the language server):
 * parsed once, then updated one document at a time. An edit re-parses only
 * the edited file; the index and the repository rules, whose answer for any
 * file can depend on any other, are then brought up to date from the
 * documents in memory: only the rules that read what the edit changed run
 * again, with results equal to a fresh pass. Unsaved texts win over the disk,
 * as `LintOptions.overlay` does for a run.
 */
export class Workspace {
  private readonly files = new Map<string, DiscoveredFile>();
  private readonly outcomes = new Map<string, FileOutcome>();
  private readonly unsaved = new Map<string, Uint8Array>();
  private readonly schemas: SchemaRegistry;
  private current: Pass | undefined;
  /** Files re-parsed since the last pass whose surface did not change: only their document findings are redone. */
  private readonly patched = new Set<string>();
  /** The last pass, kept when an edit changed a document's surface, and the documents whose surface changed since. */
  private previous: Pass | undefined;
  private readonly reshaped = new Set<string>();
  /** The files' paths in sorted order: the order of the index's documents. */
  private order: string[] = [];
  /** The documents edited last, most recent first: their reads are noted one by one. */
  private focus: string[] = [];
  /** Files whose findings may have changed since `takeChanged` was last asked. */
  private changed: Set<string> | 'all' = 'all';
  private readonly codeowners: Codeowners | undefined;
  private readonly capSeverity: Severity | null;
  /** The bulk suppressions file (`aimslint-suppressions.json`), read when the repository is opened. */
  private readonly bulk: BulkSuppressions;
  /** Who names whom, for the documents an edit can affect. */
  private readonly naming = new Naming();
  /** What each rule reads of the documents: this Workspace's own, shared with no other. */
  private readonly tracker = new ReadTracker();

  private constructor(
    readonly config: ResolvedConfig,
    readonly rules: readonly ActiveRule[],
    readonly catalog: Catalog,
    readonly now: string,
    private readonly settings: FileJobSettings,
  ) {
    this.schemas = new SchemaRegistry(settings.customSchemas);
    this.bulk = readBulkSuppressions(join(config.root, SUPPRESSIONS_FILE));
    this.capSeverity = rules.find(({ rule }) => rule.id === TOO_MANY_FINDINGS)?.severity ?? null;
    this.codeowners = rules.some(({ rule }) => rule.id === 'doc-control/owner-not-codeowner') ? readCodeowners(config.root) : undefined;
  }

  get root(): string {
    return this.config.root;
  }

  /** Load the config, discover and parse every file (on worker threads when that pays). */
  static async open(options: WorkspaceOptions): Promise<Workspace> {
    const now = validNow(options.now);
    const config = loadConfig({ cwd: options.cwd, paths: [], configFile: options.configFile, ruleOverrides: options.ruleOverrides });
    const catalog = getCatalog(config.catalog);
    if (!catalog) throw new UsageError(`unknown catalog "${config.catalog}"; known: ${catalogNames().join(', ')}`);
    const rules = activeRules(config);
    const settings: FileJobSettings = {
      limits: config.limits,
      customSchemas: config.customSchemas,
      documentRules: rules.filter(({ rule }) => rule.kind === 'document').map(({ rule, severity, options: ruleOptions }) => ({ id: rule.id, severity, options: ruleOptions })),
    };
    const workspace = new Workspace(config, rules, catalog, now, settings);
    await workspace.rediscover(options);
    return workspace;
  }

  /** Walk the repository again (files added, deleted or renamed outside the editor); parses only files not yet known. */
  async rediscover(options: Pick<WorkspaceOptions, 'workers' | 'workerUrl'> = {}): Promise<void> {
    const found = await discover(this.config);
    const known = new Set(found.map((file) => file.path));
    for (const path of [...this.files.keys()]) {
      if (!known.has(path)) {
        this.files.delete(path);
        this.outcomes.delete(path);
        this.naming.set(path, undefined);
      }
    }
    const fresh = found.filter((file) => !this.files.has(file.path));
    for (const file of found) this.files.set(file.path, file);
    const workers = workerCount(options.workers ?? 0, fresh.length);
    const outcomes = workers > 0 ? await parseInWorkers(fresh, this.settings, workers, options.workerUrl) : fresh.map((file) => this.parse(file));
    for (const outcome of outcomes) {
      this.outcomes.set(outcome.document.path, outcome);
      this.naming.set(outcome.document.path, outcome.document);
    }
    this.order = [...this.files.keys()].sort();
    this.current = undefined;
    this.previous = undefined;
    this.reshaped.clear();
  }

  private parse(file: DiscoveredFile): FileOutcome {
    return processFile(file, this.settings, this.schemas, this.unsaved.get(file.path));
  }

  /** Whether the path is one of the repository's linted files. */
  has(path: string): boolean {
    return this.files.has(path);
  }

  /**
   * A document's text changed: in the editor (`text`, unsaved), or on disk
   * (`text` undefined: read the file again). Re-parses that file only.
   */
  update(path: string, text?: string): void {
    if (text === undefined) this.unsaved.delete(path);
    else this.unsaved.set(path, Buffer.from(text, 'utf8'));
    const file = this.files.get(path);
    if (!file) return;
    const before = this.outcomes.get(path);
    const after = this.parse(file);
    this.outcomes.set(path, after);
    this.naming.set(path, after.document);
    // Typing prose changes nothing another document, the index or a repository rule can see: keep their findings.
    const parts = this.current && before && surfaceOf(before) === surfaceOf(after) ? changedParts(before.document, after.document) : undefined;
    if (this.current && parts && !readByAnyRule(this.current.reads, parts) && ![...parts].some((part) => this.current?.indexReads.has(part))) {
      this.patched.add(path);
      return;
    }
    this.previous = this.current ?? this.previous;
    this.current = undefined;
    this.reshaped.add(path);
    // The documents being edited are followed part by part: the next edit of one re-runs only the rules that read what changed of it.
    this.focus = [path, ...this.focus.filter((other) => other !== path)].slice(0, MAX_FOCUS);
    this.tracker.setFocus(new Set(this.focus));
  }

  /** The document types the schemas define, and a type's schema: what an editor completes. */
  types(): string[] {
    return this.schemas.types();
  }

  schemaOf(type: string): object | undefined {
    return this.schemas.schemaOf(type);
  }

  /** A document parsed in full from its current text (headings and their places included), for editors. */
  parsed(path: string): ParsedDocument | undefined {
    const file = this.files.get(path);
    return file ? readDocument(file, this.config.limits, this.unsaved.get(path)).document : undefined;
  }

  /** The text a document has now: the editor's, else the disk's. */
  textOf(path: string): string | undefined {
    const bytes = this.unsaved.get(path) ?? this.readDisk(path);
    return bytes === undefined ? undefined : Buffer.from(bytes).toString('utf8');
  }

  private readDisk(path: string): Uint8Array | undefined {
    try {
      return this.files.has(path) ? readFileSync(resolve(this.root, path)) : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Where an id is named: its definitions (`id:`, a role's `id:`), every
   * frontmatter value that is the id (owner, approved_by, system, related,
   * suppliers, evidence, ... at any depth) and SoA table cells that name it.
   * In path order, then by position.
   */
  referencesOf(id: string): Reference[] {
    const { index } = this.results();
    const definitions = new Set((index.ids.get(id) ?? []).map((definition) => `${definition.document.path}#${definition.pointer}`));
    const found: Reference[] = [];
    for (const path of this.order) {
      const document = this.outcomes.get(path)?.document;
      const data = document?.frontmatter?.data;
      if (!document || !data) continue;
      for (const pointer of pointersTo(data, id, '')) found.push({ path, range: valueRange(document, pointer), definition: definitions.has(`${path}#${pointer}`) });
    }
    for (const statement of index.soa) {
      for (const entry of statement.tableEntries) {
        for (const item of entry.evidence) if (item.kind === 'id' && item.text === id) found.push({ path: statement.document.path, range: item.range, definition: false });
      }
    }
    return found.sort(byPlace);
  }

  /**
   * The links that lead to a file (to one of its headings when `anchor` is
   * given): Markdown links anywhere, and evidence paths in SoA tables and
   * entries. In path order, then by position.
   */
  linksTo(path: string, anchor?: string): Reference[] {
    const { index } = this.results();
    const leads = (from: string, url: string): boolean => {
      const target = repositoryPathOf(from, url);
      return target !== null && 'path' in target && target.path === path && (anchor === undefined || target.anchor === anchor);
    };
    const found = new Map<string, Reference>();
    const add = (from: string, range: SourceRange): void => {
      found.set(`${from}:${range.line}:${range.column}`, { path: from, range, definition: false });
    };
    for (const from of this.naming.naming([], [path])) {
      for (const link of this.outcomes.get(from)?.document.links ?? []) if (leads(from, link.url)) add(from, link.range);
    }
    for (const statement of index.soa) {
      for (const entry of [...statement.frontmatterEntries, ...statement.tableEntries]) {
        for (const item of entry.evidence) if (item.kind === 'link' && leads(statement.document.path, item.text)) add(statement.document.path, item.range);
      }
    }
    return [...found.values()].sort(byPlace);
  }

  /** The index of the documents as they are now. */
  get index(): RepoIndex {
    return this.results().index;
  }

  /**
   * The findings as they are now, by file, sorted and capped as a run reports
   * them; a file without findings has no entry. Their fixes are still
   * proposals: `resolvedFindings` resolves one file's.
   */
  findings(): ReadonlyMap<string, readonly Finding[]> {
    return this.results().findings;
  }

  /** One file's findings with `fix` and `suggestions` resolved against the text they were found in (for code actions). */
  resolvedFindings(path: string): Finding[] {
    const { index, findings } = this.results();
    const sourceOf = this.sourceReader(index);
    return (findings.get(path) ?? []).map((finding) => resolveFinding(finding, sourceOf));
  }

  private results(): Pass {
    if (this.current) {
      for (const path of this.patched) {
        const indexed = this.current.index.byPath.get(path);
        const latest = this.watchedDocument(path);
        // The index holds the latest parse: a part no one read changed, so nothing else moves.
        if (indexed && latest && indexed !== latest) replaceDocument(this.current.index, indexed, latest, this.config.soaColumns);
        const combined = this.combine(path, this.current.byRule);
        if (combined.length > 0) this.current.findings.set(path, combined);
        else this.current.findings.delete(path);
        this.noteChanged(path);
      }
      this.patched.clear();
      return this.current;
    }
    this.patched.clear();
    // A few documents reshaped since the last pass: only what read the changed parts is redone.
    const previous = this.reshaped.size > 0 && this.reshaped.size <= MAX_RESHAPED ? this.previous : undefined;
    this.current = previous ? this.incrementalPass(previous) : this.fullPass();
    this.previous = undefined;
    this.reshaped.clear();
    return this.current;
  }

  /** Every document watched, the index built and every repository rule run. */
  private fullPass(): Pass {
    const { result: index, reads: indexReads } = this.buildIndex();
    const byRule = new Map<string, Map<string, Finding[]>>();
    const reads = new Map<string, ReadonlySet<string>>();
    for (const active of this.rules) {
      if (active.rule.kind !== 'repository') continue;
      const run = this.tracker.readsOf(() => this.check(active, index, undefined));
      byRule.set(active.rule.id, run.result);
      reads.set(active.rule.id, run.reads);
    }
    // Only files with something to report get an entry: a file absent from the map has no findings.
    const reporting = new Set(this.order.filter((path) => (this.outcomes.get(path)?.findings.length ?? 0) > 0));
    for (const found of byRule.values()) for (const path of found.keys()) reporting.add(path);
    const findings = new Map<string, Finding[]>();
    for (const path of reporting) {
      const combined = this.combine(path, byRule);
      if (combined.length > 0) findings.set(path, combined);
    }
    this.changed = 'all';
    return { index, indexReads, findings, byRule, reads };
  }

  /** The index of every document as parsed now, and the document parts building it read: what shapes it. */
  private buildIndex(): { result: RepoIndex; reads: ReadonlySet<string> } {
    return this.tracker.readsOf(() => buildIndex({ ...this.indexInput(), documents: this.order.flatMap((path) => this.watchedDocument(path) ?? []) }));
  }

  /**
   * The last pass brought up to date with the reshaped documents. When an
   * edit leaves what shapes the index alone (a renamed heading, a changed
   * link), the new versions take the old ones' places; otherwise the index is
   * built again. A rule that read none of the changed parts keeps its
   * findings; a `perDocument` rule re-checks only the documents that name an
   * edited one; any other rule runs again.
   */
  private incrementalPass(previous: Pass): Pass {
    const changes = new Map<string, ReadonlySet<string>>();
    const versions: [IndexedDocument, IndexedDocument][] = [];
    for (const path of this.reshaped) {
      const before = previous.index.byPath.get(path);
      const after = this.watchedDocument(path);
      if (!before || !after) return this.fullPass();
      changes.set(path, changedParts(before, after));
      versions.push([before, after]);
    }
    const reshapesIndex = readAnyOf(previous.indexReads, changes);
    const { result: index, reads: indexReads } = reshapesIndex
      ? this.buildIndex()
      // The last pass is given up: its index becomes this one's.
      : { result: versions.reduce((current, [before, after]) => replaceDocument(current, before, after, this.config.soaColumns), previous.index), reads: previous.indexReads };
    let touched: Set<string> | undefined;
    const byRule = new Map<string, ReadonlyMap<string, readonly Finding[]>>();
    const reads = new Map<string, ReadonlySet<string>>();
    const affected = new Set(this.reshaped);
    for (const active of this.rules) {
      const { rule } = active;
      if (rule.kind !== 'repository') continue;
      const earlier = previous.byRule.get(rule.id);
      const read = previous.reads.get(rule.id);
      if (earlier && read && !reshapesIndex && !readAnyOf(read, changes)) {
        byRule.set(rule.id, earlier);
        reads.set(rule.id, read);
        continue;
      }
      let subjects: Set<string> | undefined;
      if (earlier && read && rule.perDocument) {
        touched ??= this.documentsNaming(versions);
        // Documents the rule found something in last time are checked again too: a "did you mean" may now name the edited document.
        subjects = new Set([...touched, ...earlier.keys()]);
      }
      const run = this.tracker.readsOf(() => this.check(active, index, subjects));
      const found = subjects ? keptExcept(earlier ?? new Map(), subjects, run.result) : run.result;
      for (const path of new Set([...(earlier?.keys() ?? []), ...found.keys()])) {
        if (!sameFindings(earlier?.get(path), found.get(path))) affected.add(path);
      }
      byRule.set(rule.id, found);
      // What a subset run read adds to what the whole run read before; documents are known part by part only if they were in focus for both.
      reads.set(rule.id, subjects && read ? unionOfRuns(read, run.reads) : run.reads);
    }
    const findings = new Map(previous.findings);
    for (const path of affected) {
      const combined = this.combine(path, byRule);
      if (combined.length > 0) findings.set(path, combined);
      else findings.delete(path);
      this.noteChanged(path);
    }
    return { index, indexReads, findings, byRule, reads };
  }

  /**
   * The reshaped documents and every governed document that names one of
   * them, before or after the edit: by a link to its path, or by one of its
   * ids in an id field.
   */
  private documentsNaming(versions: readonly (readonly [IndexedDocument, IndexedDocument])[]): Set<string> {
    const touched = new Set(this.reshaped);
    const ids = versions.flatMap(([before, after]) => [...idsDefinedBy(before), ...idsDefinedBy(after)]);
    for (const path of this.naming.naming(ids, this.reshaped)) {
      const document = this.outcomes.get(path)?.document;
      if (document?.type !== undefined && document.frontmatter?.data) touched.add(path);
    }
    return touched;
  }

  /** One rule's findings by file: on every governed document, or on `subjects` only (a per-document rule). */
  private check({ rule, severity, options }: ActiveRule, index: RepoIndex, subjects: ReadonlySet<string> | undefined): Map<string, Finding[]> {
    if (rule.kind !== 'repository') return new Map();
    const view: RepoIndex = subjects ? { ...index, governed: governedAmong(index, subjects) } : index;
    const found = new Map<string, Finding[]>();
    for (const report of rule.check(view, { options, now: this.now })) {
      if (subjects ? subjects.has(report.file) : this.outcomes.has(report.file)) pushTo(found, report.file, toFinding(rule, report, severity));
    }
    return found;
  }

  private indexInput(): Omit<IndexInput, 'documents'> {
    return { root: this.root, pathExists: existenceChecker(this.root), catalog: this.catalog, soaColumns: this.config.soaColumns, codeowners: this.codeowners };
  }

  /** A file's latest parse as the rules see it. */
  private watchedDocument(path: string): IndexedDocument | undefined {
    const outcome = this.outcomes.get(path);
    return outcome ? this.tracker.watched(outcome.document) : undefined;
  }

  private noteChanged(path: string): void {
    if (this.changed !== 'all') this.changed.add(path);
  }

  /**
   * The files whose findings may differ since the last call ('all' after a
   * full pass): what an editor sends again. Brings the findings up to date.
   */
  takeChanged(): ReadonlySet<string> | 'all' {
    this.results();
    const changed = this.changed;
    this.changed = new Set();
    return changed;
  }

  /** A file's findings as a run reports them: its document findings and the repository rules', sorted and capped. */
  private combine(path: string, byRule: ReadonlyMap<string, ReadonlyMap<string, readonly Finding[]>>): Finding[] {
    const all = [...(this.outcomes.get(path)?.findings ?? [])];
    for (const found of byRule.values()) {
      const list = found.get(path);
      if (list) all.push(...list);
    }
    const { kept } = applyBulkSuppressions(path, this.suppressInline(path, all), this.bulk, SUPPRESSIONS_FILE);
    return capFindings(kept.sort(compareFindings), this.config.limits.maxFindingsPerFile, this.capSeverity);
  }

  /** A file's findings after its inline suppression comments, with the comments' own problems added: as a run does. */
  private suppressInline(path: string, findings: Finding[]): Finding[] {
    const document = this.outcomes.get(path)?.document;
    return suppressInline(path, document ? directivesOf(document) : undefined, findings, this.rules).findings;
  }

  /** Fixes are resolved against the text that was parsed: the editor's, else the disk's, if unchanged since. */
  private sourceReader(index: RepoIndex): (file: string) => SourceText | undefined {
    // The latest parse: the one whose findings are resolved.
    return sourceReader(this.root, (file) => {
      const document = this.outcomes.get(file)?.document ?? index.byPath.get(file);
      return document && !document.skipped && this.files.has(file) ? document.hash : undefined;
    }, this.unsaved);
  }
}

/**
 * What of a document other documents and the repository rules can see, with
 * positions: its frontmatter as written, anchors, links, tables. When an edit
 * leaves it equal, only the document's own findings can change.
 */
function surfaceOf(outcome: FileOutcome): string {
  const { type, frontmatter, anchors, links, tables, governance, skipped } = outcome.document;
  return JSON.stringify([type, frontmatter?.yaml, frontmatter?.yamlStartLine, anchors, links, tables, governance, skipped]);
}

/**
 * `index.governed` narrowed to `subjects`, in the same order, found through
 * `byPath` rather than by reading the path of every governed document.
 */
function governedAmong(index: RepoIndex, subjects: ReadonlySet<string>): IndexedDocument[] {
  return [...subjects].sort().flatMap((path) => {
    const document = index.byPath.get(path);
    const seen = document && unwatched(document);
    return document && seen?.type !== undefined && seen.frontmatter?.data ? [document] : [];
  });
}

/** A place that names an id or links to a file. */
export interface Reference {
  path: string;
  range: SourceRange;
  /** The id's own definition (its `id:`), not a use of it. */
  definition: boolean;
}

const byPlace = (a: Reference, b: Reference): number =>
  (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.range.line - b.range.line || a.range.column - b.range.column;

/** JSON pointers of the string values in `value` equal to `wanted`. */
function pointersTo(value: unknown, wanted: string, pointer: string): string[] {
  if (value === wanted) return [pointer];
  if (Array.isArray(value)) return value.flatMap((item, i) => pointersTo(item, wanted, `${pointer}/${i}`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => pointersTo(item, wanted, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  }
  return [];
}

/** One pass of the repository rules: the index, each file's findings, each rule's findings by file and the document parts it read. */
interface Pass {
  index: RepoIndex;
  /** The document parts building the index read: an edit that changes none of them leaves its shape. */
  indexReads: ReadonlySet<string>;
  findings: Map<string, Finding[]>;
  byRule: ReadonlyMap<string, ReadonlyMap<string, readonly Finding[]>>;
  reads: ReadonlyMap<string, ReadonlySet<string>>;
}

function readByAnyRule(reads: ReadonlyMap<string, ReadonlySet<string>>, parts: ReadonlySet<string>): boolean {
  return [...reads.values()].some((read) => [...parts].some((part) => read.has(part)));
}

/** A per-document rule's findings: the earlier ones, except on `subjects`, whose findings are the new run's. */
function keptExcept(earlier: ReadonlyMap<string, readonly Finding[]>, subjects: ReadonlySet<string>, fresh: Map<string, Finding[]>): Map<string, Finding[]> {
  const found = new Map<string, Finding[]>();
  for (const [path, list] of earlier) if (!subjects.has(path)) found.set(path, [...list]);
  for (const [path, list] of fresh) found.set(path, list);
  return found;
}

function sameFindings(a: readonly Finding[] | undefined, b: readonly Finding[] | undefined): boolean {
  if ((a?.length ?? 0) !== (b?.length ?? 0)) return false;
  return (a ?? []).every((finding, i) => JSON.stringify(finding) === JSON.stringify(b?.[i]));
}

/** More reshaped documents than this (a branch switch) and a full pass is as quick. */
const MAX_RESHAPED = 16;
/** Documents followed part by part: a few, so what the rules read stays small. */
const MAX_FOCUS = 8;

/** What two runs read together; a document is known part by part only if both runs had it in focus. */
function unionOfRuns(earlier: ReadonlySet<string>, later: ReadonlySet<string>): Set<string> {
  const union = new Set([...earlier, ...later]);
  for (const part of union) if (part.startsWith('focus@') && !(earlier.has(part) && later.has(part))) union.delete(part);
  return union;
}

/**
 * Whether a run that read `read` may answer differently after `changes` (the
 * changed parts by document): a part of a document in the run's focus counts
 * only if that document's part was read, any other if the part was read of
 * any document.
 */
function readAnyOf(read: ReadonlySet<string>, changes: ReadonlyMap<string, ReadonlySet<string>>): boolean {
  for (const [path, parts] of changes) {
    const oneByOne = read.has(focusMark(path));
    for (const part of parts) if (read.has(oneByOne ? partOf(part, path) : part)) return true;
  }
  return false;
}

function pushTo(map: Map<string, Finding[]>, key: string, finding: Finding): void {
  const list = map.get(key);
  if (list) list.push(finding);
  else map.set(key, [finding]);
}

/** The ids a governed document defines, as `buildIndex` files them: its `id`, and a `roles` document's role ids. */
function idsDefinedBy(document: IndexedDocument): string[] {
  if (document.type === undefined || !document.frontmatter?.data) return [];
  const id = stringField(document, 'id');
  const roles = document.type === 'roles' ? rolesOf(document).map((role) => role.id) : [];
  return id === undefined ? roles : [id, ...roles];
}
