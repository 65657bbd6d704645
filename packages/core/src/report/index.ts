/** The auditor's report: SoA coverage, the gap assessment and readiness, as data, Markdown or HTML. */
export { buildReport } from './build.js';
export { renderReportMarkdown } from './markdown.js';
export { renderReportHtml, renderReportHtmlChunks } from './html.js';
export { renderReportCsv, csvRows } from './csv.js';
export type { RenderOptions } from './present.js';
export type * from './types.js';
