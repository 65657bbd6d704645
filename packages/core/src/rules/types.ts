import type { IndexedDocument, ParsedDocument, RelatedLocation, SeveritySetting, SourceRange, TextEdit } from '../model.js';
import type { RepoIndex } from '../index/repo-index.js';
import type { SchemaRegistry } from '../schemas/registry.js';
import { visibleControls } from '../util/escape.js';

export interface RuleMeta {
  /** Stable `area/name` id, part of the public contract. */
  id: string;
  defaultSeverity: SeveritySetting;
  /** One line: what the rule finds. */
  description: string;
  /** The clauses and Annex A controls the rule helps to meet. */
  serves: string[];
  /** Named message templates; `{{name}}` is filled from a report's data. */
  messages: Record<string, string>;
  /** Some of its findings carry a fix that `--fix` applies (ESLint's `meta.fixable`). */
  fixable?: 'code';
}

/** What a rule reports: the engine adds rule id, severity and the final text. */
export interface Report {
  messageId: string;
  data?: Record<string, string | number>;
  file: string;
  range: SourceRange;
  hint?: string;
  related?: RelatedLocation[];
  /** A finding the config asks to see only as a warning (`unknownKeys: warn`); never raises a rule's severity. */
  severity?: 'warn';
  /** Edits that correct the finding without changing meaning; all in one file. Only for rules marked `fixable`. */
  fix?: TextEdit[];
  /** Corrections for a person to choose ("did you mean"); never applied by `--fix`. */
  suggestions?: { desc: string; edits: TextEdit[] }[];
}

export interface RuleContext {
  /** The rule's options from the config. */
  options: Record<string, unknown>;
}

export interface DocumentContext extends RuleContext {
  schemas: SchemaRegistry;
  /** The file's text, LF line endings, BOM removed: for rules that read prose. */
  text: string;
}

export interface RepositoryContext extends RuleContext {
  /** The date review deadlines are judged against, `YYYY-MM-DD`. */
  now: string;
}

/** Sees one document: cacheable by content hash, runs in workers. */
export interface DocumentRule extends RuleMeta {
  kind: 'document';
  check(document: ParsedDocument, context: DocumentContext): Report[];
}

/** Sees the whole repository index: runs once, on the main thread. */
export interface RepositoryRule extends RuleMeta {
  kind: 'repository';
  /**
   * Its reports on a document depend only on that document and on what the
   * index says about the paths and ids the document names, and it checks
   * `index.governed` one by one: after an edit, an editor re-checks only the
   * documents that name the edited one.
   */
  perDocument?: true;
  check(index: RepoIndex, context: RepositoryContext): Report[];
}

export type Rule = DocumentRule | RepositoryRule;

/**
 * Fill `{{name}}` placeholders; an unknown name stays visible rather than vanish.
 * Document text in a message has its control characters made visible: a value
 * holding a line break and `::error` must not become a CI workflow command.
 */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (Object.hasOwn(data, name) ? visibleControls(String(data[name])) : whole));
}


/** Identity helpers: they only give a rule object its type. */
export const defineDocumentRule = (rule: Omit<DocumentRule, 'kind'>): DocumentRule => ({ kind: 'document', ...rule });
export const defineRepositoryRule = (rule: Omit<RepositoryRule, 'kind'>): RepositoryRule => ({ kind: 'repository', ...rule });

/**
 * A rule whose findings the parser makes (it alone sees the bytes): the rule
 * passes on its own problems, so severity and `off` work as for any rule.
 */
export const defineParseProblemRule = (meta: Omit<RuleMeta, 'messages'>): DocumentRule =>
  defineDocumentRule({ ...meta, messages: { problem: '{{problem}}' }, check: (document) => parseProblems(meta.id, document) });

/** The parser's problems of one rule, as that rule's reports. */
export function parseProblems(ruleId: string, document: IndexedDocument): Report[] {
  return document.problems
    .filter((problem) => problem.ruleId === ruleId)
    .map((problem) => ({ messageId: 'problem', data: { problem: problem.message }, file: problem.file, range: problem.range }));
}
