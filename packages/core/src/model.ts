/**
 * The typed document model: what parse produces and every later stage reads.
 * Everything here is plain data (structured-clone safe) so that worker threads
 * and the cache can carry it unchanged.
 */

/** A source range, 1-based, columns counted in UTF-16 code units as editors do. */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type Severity = 'error' | 'warn';
export type SeveritySetting = Severity | 'off';

/** A located place in another file, e.g. "defined first here". */
export interface RelatedLocation {
  file: string;
  range: SourceRange;
  message: string;
}

/** One problem found. `file` is repository-relative with `/` separators. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  range: SourceRange;
  /** What to write instead, when the rule knows. */
  hint?: string;
  related?: RelatedLocation[];
  /** A correction that keeps the meaning, applied by `--fix` (offsets resolved against the file's text). */
  fix?: Fix;
  /** Corrections a person must choose between ("did you mean"): offered by editors, never applied by `--fix`. */
  suggestions?: Suggestion[];
  /** What the rule proposed, in line/column terms, until the engine resolves it against the file's text. */
  proposed?: ProposedFixes;
}

/**
 * One edit as a rule knows it: a range of the LF text (as findings are
 * placed) and the text to put there (`\n` becomes the file's own line ending).
 * With `find`, only the last occurrence of that exact text inside the range is
 * replaced, so a rule can edit inside a construct it knows only the range of.
 */
export interface TextEdit {
  /** Repository-relative path of the file edited: a fix may edit another file than the finding's. */
  file: string;
  range: SourceRange;
  text: string;
  find?: string;
}

/** ESLint's fix: replace `range` (offsets into the file's text without its BOM, line endings as they are) with `text`. */
export interface Fix {
  /** Repository-relative path of the file the fix edits. */
  file: string;
  range: [number, number];
  text: string;
}

export interface Suggestion {
  desc: string;
  fix: Fix;
}

export interface ProposedFixes {
  fix?: TextEdit[];
  suggestions?: { desc: string; edits: TextEdit[] }[];
}

/** Where a frontmatter key and its value stand in the file. */
export interface ValueLocation {
  /** The key's range; absent for sequence items. */
  key?: SourceRange;
  value: SourceRange;
  /** The value's source text for scalars (`1.10`, `aproved`), as written. */
  source?: string;
}

export interface Frontmatter {
  /** The parsed YAML as plain JSON values, or null when it did not parse. */
  data: Record<string, unknown> | null;
  /** The opening `---` line. */
  range: SourceRange;
  /**
   * The YAML text and the file line it starts on. Where each key and value
   * stands is worked out from it only when a finding needs it (most
   * documents have none): see `locate` in index/fields.ts.
   */
  yaml: string;
  yamlStartLine: number;
}

export interface Heading {
  depth: number;
  text: string;
  /** GitHub-style slug, de-duplicated within the document (`-1`, `-2`). */
  slug: string;
  range: SourceRange;
}

export type LinkKind = 'inline' | 'reference' | 'autolink' | 'html';

export interface Link {
  /** The destination as written (reference links: the definition's URL). */
  url: string;
  kind: LinkKind;
  /** Range of the whole link construct in the source. */
  range: SourceRange;
}

export interface TableCell {
  /** Plain text: inline markup removed (`**Yes**` is `Yes`). */
  text: string;
  /** The source as written, trimmed; its first character is at `range.column`. */
  raw: string;
  range: SourceRange;
  /** Links inside the cell, with their ranges. */
  links: Link[];
}

export interface Table {
  header: TableCell[];
  rows: TableCell[][];
  range: SourceRange;
}

/** An `<!-- aimslint-... -->` comment of the body: its text between the markers, trimmed. */
export interface CommentDirective {
  text: string;
  range: SourceRange;
}

/** What the Markdown body scanner extracts. */
export interface MarkdownStructure {
  headings: Heading[];
  /** Heading slugs plus HTML `id`/`name` anchors. */
  anchors: string[];
  links: Link[];
  tables: Table[];
  /** aimslint's own comments (inline suppressions); absent when there are none. */
  directives?: CommentDirective[];
}

/**
 * What the repository index keeps of a document once the document rules have
 * run: what repository rules, the cache and the reports read. Smaller than a
 * ParsedDocument, because it crosses from worker threads and fills the cache.
 */
export interface IndexedDocument {
  /** Repository-relative path with `/` separators. */
  path: string;
  /** Content hash of the bytes (hex sha1), the cache key. */
  hash: string;
  /** The document type, from frontmatter `type` or the config's mapping. */
  type: string | undefined;
  /** Frontmatter, or null when the file has none. */
  frontmatter: Frontmatter | null;
  /** Problems met while parsing (syntax, encoding, limits). */
  problems: Finding[];
  /** In a governance folder: the file must be a governance document. */
  governance: boolean;
  /** True when the file was skipped (binary, too large, unreadable). */
  skipped: boolean;
  /** 1-based line count of the file, for bounds. */
  lineCount: number;
  /** Heading slugs plus HTML `id`/`name` anchors. */
  anchors: string[];
  links: Link[];
  /** Body tables, for the types whose tables the checks read (TABLE_TYPES); empty for others. */
  tables: Table[];
  /** aimslint's own comments in the body (inline suppressions); absent when there are none. */
  directives?: CommentDirective[];
  /** Only for a document whose frontmatter could not be read: what it appears to declare (see parse/salvage.ts). */
  salvaged?: Salvaged;
}

/** The ids and type a document that did not parse appears to declare, so references to them are not reported as missing. */
export interface Salvaged {
  ids: string[];
  type: string | undefined;
}

/** One file parsed: everything the document rules may read. */
export interface ParsedDocument extends IndexedDocument, MarkdownStructure {}
