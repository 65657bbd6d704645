/** aimslint's engine: the public API that the CLI and the Action call. */
export { lint, activeRules, today, type LintOptions, type LintResult, type FileResult, type ActiveRule } from './engine/lint.js';
export { UsageError } from './errors.js';
export { RULES, ruleById } from './rules/index.js';
export { isRootCause, ROOT_CAUSE_RULES } from './rules/root-causes.js';
export type { Rule, RuleMeta, DocumentRule, RepositoryRule } from './rules/types.js';
export type { Finding, Severity, SeveritySetting, SourceRange, ParsedDocument } from './model.js';
export { loadConfig, CONFIG_NAMES } from './config/load.js';
export { commandLinePath } from './discover/discover.js';
export type { UserConfig, ResolvedConfig } from './config/types.js';
export { getCatalog, controlsOf, type Catalog } from './catalog/index.js';
export { FORMATTERS, formatterNames, type Formatter, type FormatOptions } from './formats/index.js';
export { sarif } from './formats/sarif.js';
export { VERSION, DOCS_BASE_URL } from './version.js';
export { serveParseRequests, isParseWorker } from './engine/worker.js';
export { buildReport, renderReportMarkdown, renderReportHtml, type AimsReport, type RenderOptions } from './report/index.js';
export { plural } from './util/words.js';
export { replaceFileAtomically } from './util/files.js';
