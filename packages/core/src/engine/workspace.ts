import { getCatalog, catalogNames, type Catalog } from '../catalog/index.js';
import { loadConfig } from '../config/load.js';
import type { ResolvedConfig } from '../config/types.js';
import { discover, type DiscoveredFile } from '../discover/discover.js';
import { UsageError } from '../errors.js';
import { resolveFinding } from '../fix/resolve.js';
import { sourceTextOf, type SourceText } from '../fix/source.js';
import { buildIndex, type RepoIndex } from '../index/repo-index.js';
import { stringListField } from '../index/fields.js';
import { repositoryPathOf } from '../index/links.js';
import { REFERENCE_FIELDS } from '../rules/ref/unresolved.js';
import type { Finding, ParsedDocument, SeveritySetting } from '../model.js';
import { hashBytes } from '../parse/document.js';
import { capFindings, TOO_MANY_FINDINGS } from '../rules/file/too-many-findings.js';
import { SchemaRegistry } from '../schemas/registry.js';
import { compareFindings, toFinding } from './findings.js';
import { activeRules, existenceChecker, validNow, type ActiveRule } from './lint.js';
import { processFile, readDocument, type FileJobSettings, type FileOutcome } from './process-file.js';
import { parseInWorkers, workerCount } from './worker-pool.js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

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
 * file can depend on any other, are then rebuilt from the documents in
 * memory, which costs a fraction of a run (no discovery, no parsing). Unsaved
 * texts win over the disk, as `LintOptions.overlay` does for a run.
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

  private constructor(
    readonly config: ResolvedConfig,
    readonly rules: readonly ActiveRule[],
    readonly catalog: Catalog,
    readonly now: string,
    private readonly settings: FileJobSettings,
  ) {
    this.schemas = new SchemaRegistry(settings.customSchemas);
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
      }
    }
    const fresh = found.filter((file) => !this.files.has(file.path));
    for (const file of found) this.files.set(file.path, file);
    const workers = workerCount(options.workers ?? 0, fresh.length);
    const outcomes = workers > 0 ? await parseInWorkers(fresh, this.settings, workers, options.workerUrl) : fresh.map((file) => this.parse(file));
    for (const outcome of outcomes) this.outcomes.set(outcome.document.path, outcome);
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
    // Typing prose changes nothing another document or a repository rule can see: keep their findings.
    if (this.current && before && surfaceOf(before) === surfaceOf(after)) {
      this.patched.add(path);
      return;
    }
    this.previous = this.current ?? this.previous;
    this.current = undefined;
    this.reshaped.add(path);
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

  private results(): { index: RepoIndex; findings: ReadonlyMap<string, readonly Finding[]> } {
    if (this.current) {
      for (const path of this.patched) this.current.findings.set(path, this.combine(path, this.current.byRule));
      this.patched.clear();
      return this.current;
    }
    this.patched.clear();
    const documents = [...this.files.keys()].sort().flatMap((path) => {
      const outcome = this.outcomes.get(path);
      return outcome ? [outcome.document] : [];
    });
    const index = buildIndex({ root: this.root, documents, pathExists: existenceChecker(this.root), catalog: this.catalog });
    // A few documents reshaped since the last pass: per-document rules re-check only the documents that name them.
    const previous = this.reshaped.size > 0 && this.reshaped.size <= MAX_RESHAPED ? this.previous : undefined;
    const touched = previous ? documentsNaming(previous.index, index, this.reshaped) : undefined;
    const byRule = new Map<string, Map<string, Finding[]>>();
    for (const { rule, severity, options } of this.rules) {
      if (rule.kind !== 'repository') continue;
      const earlier = previous?.byRule.get(rule.id);
      if (touched && earlier && rule.perDocument) {
        // Documents the rule found something in last time are checked again too: a "did you mean" may now name the edited document.
        const subjects = new Set([...touched, ...earlier.keys()]);
        const found = new Map([...earlier].flatMap(([path, list]): [string, Finding[]][] => (subjects.has(path) ? [] : [[path, [...list]]])));
        const view: RepoIndex = { ...index, governed: index.governed.filter((document) => subjects.has(document.path)) };
        for (const report of rule.check(view, { options, now: this.now })) if (subjects.has(report.file)) pushTo(found, report.file, toFinding(rule, report, severity));
        byRule.set(rule.id, found);
        continue;
      }
      const found = new Map<string, Finding[]>();
      for (const report of rule.check(index, { options, now: this.now })) if (this.outcomes.has(report.file)) pushTo(found, report.file, toFinding(rule, report, severity));
      byRule.set(rule.id, found);
    }
    // Only files with something to report get an entry: a file absent from the map has no findings.
    const reporting = new Set(documents.flatMap((document) => ((this.outcomes.get(document.path)?.findings.length ?? 0) > 0 ? [document.path] : [])));
    for (const found of byRule.values()) for (const path of found.keys()) reporting.add(path);
    const findings = new Map<string, Finding[]>();
    for (const path of reporting) findings.set(path, this.combine(path, byRule));
    this.current = { index, findings, byRule };
    this.previous = undefined;
    this.reshaped.clear();
    return this.current;
  }

  /** A file's findings as a run reports them: its document findings and the repository rules', sorted and capped. */
  private combine(path: string, byRule: ReadonlyMap<string, ReadonlyMap<string, readonly Finding[]>>): Finding[] {
    const capSeverity = this.rules.find(({ rule }) => rule.id === TOO_MANY_FINDINGS)?.severity ?? null;
    const repository = [...byRule.values()].flatMap((found) => found.get(path) ?? []);
    const sorted = [...(this.outcomes.get(path)?.findings ?? []), ...repository].sort(compareFindings);
    return capFindings(sorted, this.config.limits.maxFindingsPerFile, capSeverity);
  }

  /** Fixes are resolved against the text that was parsed: the editor's, else the disk's, if unchanged since. */
  private sourceReader(index: RepoIndex): (file: string) => SourceText | undefined {
    const read = new Map<string, SourceText | undefined>();
    return (file) => {
      if (read.has(file)) return read.get(file);
      // The latest parse, not the index's: a patched file's index entry is the earlier text with the same surface.
      const document = this.outcomes.get(file)?.document ?? index.byPath.get(file);
      const bytes = document && !document.skipped ? (this.unsaved.get(file) ?? this.readDisk(file)) : undefined;
      const source = bytes !== undefined && hashBytes(bytes) === document?.hash ? sourceTextOf(bytes) : undefined;
      read.set(file, source);
      return source;
    };
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

/** One pass of the repository rules: the index, each file's findings, and each rule's findings by file. */
interface Pass {
  index: RepoIndex;
  findings: Map<string, Finding[]>;
  byRule: ReadonlyMap<string, ReadonlyMap<string, readonly Finding[]>>;
}

/** More reshaped documents than this (a branch switch) and a full pass is as quick. */
const MAX_RESHAPED = 16;

function pushTo(map: Map<string, Finding[]>, key: string, finding: Finding): void {
  const list = map.get(key);
  if (list) list.push(finding);
  else map.set(key, [finding]);
}

/**
 * The reshaped documents and every governed document that names one of them,
 * before or after the edit: by a link to its path, or by one of its ids in an
 * id field.
 */
function documentsNaming(before: RepoIndex, after: RepoIndex, reshaped: ReadonlySet<string>): Set<string> {
  const touched = new Set(reshaped);
  const ids = new Set<string>();
  for (const index of [before, after]) {
    for (const [id, definitions] of index.ids) if (definitions.some((definition) => reshaped.has(definition.document.path))) ids.add(id);
  }
  const names = [...reshaped].map((path) => path.slice(path.lastIndexOf('/') + 1));
  for (const document of after.governed) {
    if (touched.has(document.path)) continue;
    const byId = Object.keys(REFERENCE_FIELDS).some((field) => stringListField(document, field).some((item) => ids.has(item.value)));
    // Only a link whose text holds the file name can lead to it: the cheap test first, resolution only then.
    const byLink = document.links.some((link) => names.some((name) => link.url.includes(name)) && linksTo(document.path, link.url, reshaped));
    if (byId || byLink) touched.add(document.path);
  }
  return touched;
}

function linksTo(from: string, url: string, paths: ReadonlySet<string>): boolean {
  const target = repositoryPathOf(from, url);
  return target !== null && 'path' in target && paths.has(target.path);
}
