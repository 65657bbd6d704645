import { ARTEFACT_STATES, CONTROL_STATES, EVIDENCE_STATES, clauseLook, coverageRatio, factLook, repositoryHref, statementOf, yesNo, type RenderOptions, type StateLook } from './present.js';
import { joinChunks } from '../util/chunks.js';
import type {
  AimsReport, ClauseCoverage, ControlCoverage, ControlState, DocumentRef, EvidenceEntry, FindingGroup, InventorySystem,
  ObjectiveCoverage, ReadinessVerdict, ReportSummary, SystemArtefact,
} from './types.js';
import { changeHistoryHtml } from './history.js';
import { frameworkStyle, frameworksHtml } from './frameworks-render.js';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every string from a document goes through here: documents are untrusted. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

/** Messages and reasons mark names with backticks, as Markdown does: show those as code. */
function escapeWithCode(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

/** Anchor ids for controls: `A.6.2.4` → `control-A-6-2-4`. */
const controlAnchor = (id: string): string => `control-${id.replace(/[^A-Za-z0-9]/g, '-')}`;

/**
 * One file, no network: system fonts, no images, colours that survive
 * printing. Each state has a colour, a mark and a word, so the page reads
 * in greyscale and for colour-blind readers.
 */
const STYLE = `
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --paper: #ffffff; --wash: #f6f8fa;
  --implemented: #1a7f37; --implemented-bg: #dafbe1; --evidence-gap: #9a6700; --evidence-gap-bg: #fff8c5;
  --partial: #9a6700; --partial-bg: #fff8c5; --planned: #9a6700; --planned-bg: #fff8c5;
  --excluded: #59636e; --excluded-bg: #eff2f5; --excluded-unjustified: #cf222e; --excluded-unjustified-bg: #ffebe9;
  --not-stated: #8250df; --not-stated-bg: #fbefff; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--wash); color: var(--ink); font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header.masthead { background: #24292f; color: #fff; padding: 28px 40px 24px; }
header.masthead .eyebrow { margin: 0; text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: #c9d1d9; }
header.masthead h1 { margin: 4px 0 8px; font-size: 28px; }
header.masthead .meta { margin: 0; display: flex; flex-wrap: wrap; gap: 6px 24px; color: #d0d7de; }
header.masthead code { color: #fff; }
main { max-width: 1200px; margin: 0 auto; padding: 24px 40px 48px; }
section { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 20px 24px; margin-bottom: 20px; }
h2 { margin: 0 0 12px; font-size: 20px; }
h3 { margin: 20px 0 8px; font-size: 16px; }
code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
a { color: #0969da; }
.muted { color: var(--muted); }
.verdict { font-size: 16px; font-weight: 600; margin: 0 0 12px; }
.verdict.ready { color: var(--implemented); } .verdict.not-ready { color: var(--excluded-unjustified); }
.checks { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 12px; }
.check { border: 1px solid var(--line); border-left: 6px solid; border-radius: 6px; padding: 10px 12px; }
.check.ok { border-left-color: var(--implemented); } .check.fail { border-left-color: var(--excluded-unjustified); }
.check .answer { float: right; font-weight: 700; }
.check.ok .answer { color: var(--implemented); } .check.fail .answer { color: var(--excluded-unjustified); }
.check p { margin: 6px 0 0; color: var(--muted); font-size: 13px; }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; }
.stat { background: var(--wash); border-radius: 6px; padding: 10px 12px; }
.stat b { display: block; font-size: 22px; }
.bars { display: grid; grid-template-columns: minmax(120px, 2fr) 3fr auto; gap: 8px 16px; align-items: center; }
.bar { position: relative; height: 18px; background: var(--excluded-bg); border-radius: 4px; overflow: hidden; }
.bar-fill { position: absolute; inset: 0 auto 0 0; background: var(--implemented); }
.bar-value { font-variant-numeric: tabular-nums; white-space: nowrap; }
.legend { display: flex; flex-wrap: wrap; gap: 8px 20px; margin: 0 0 14px; padding: 0; list-style: none; }
.legend li { display: flex; align-items: center; gap: 6px; }
.swatch, .badge, .grid-cell { border: 1px solid; border-radius: 4px; }
.swatch { display: inline-flex; width: 22px; height: 22px; align-items: center; justify-content: center; font-weight: 700; }
.grid-objective { display: grid; grid-template-columns: minmax(120px, 220px) 1fr; gap: 12px; align-items: start; margin-bottom: 8px; }
.grid-cells { display: flex; flex-wrap: wrap; gap: 6px; }
.grid-cell { display: inline-flex; gap: 4px; align-items: center; min-width: 84px; padding: 6px 8px; text-decoration: none; font: 600 12px/1 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.badge { display: inline-block; padding: 1px 7px; font-size: 12px; font-weight: 600; white-space: nowrap; }
table { width: 100%; border-collapse: collapse; font-size: 13px; }
table.fixed { table-layout: fixed; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); overflow-wrap: break-word; }
thead th { background: var(--wash); position: sticky; top: 0; }
tbody th[colspan] { background: var(--wash); font-size: 14px; padding-top: 12px; }
td.id { white-space: nowrap; font-weight: 600; }
ul.evidence { list-style: none; margin: 0; padding: 0; }
/* Paths are long single words: let them wrap anywhere rather than widen the table. */
td a { overflow-wrap: anywhere; }
ul.evidence li + li { margin-top: 4px; }
.reason { display: block; color: var(--muted); font-size: 12px; }
${frameworkStyle()}
footer { text-align: center; color: var(--muted); font-size: 12px; padding-bottom: 24px; }
${(Object.keys(CONTROL_STATES) as ControlState[]).map((state) => `.state-${state} { color: var(--${state}); background: var(--${state}-bg); border-color: var(--${state}); }`).join('\n')}
.tone-ok { color: var(--implemented); background: var(--implemented-bg); border-color: var(--implemented); }
.tone-warn { color: var(--evidence-gap); background: var(--evidence-gap-bg); border-color: var(--evidence-gap); }
.tone-bad { color: var(--excluded-unjustified); background: var(--excluded-unjustified-bg); border-color: var(--excluded-unjustified); }
.tone-none { color: var(--excluded); background: var(--excluded-bg); border-color: var(--excluded); }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { background: #fff; font-size: 11px; }
  table { font-size: 10.5px; }
  .badge { font-size: 10px; padding: 0 4px; }
  header.masthead { background: #fff; color: var(--ink); border-bottom: 2px solid var(--ink); padding: 0 0 8px; }
  header.masthead .eyebrow, header.masthead .meta, header.masthead code { color: var(--ink); }
  main { max-width: none; padding: 12px 0 0; }
  section { border: none; padding: 0; margin-bottom: 16px; }
  section, tr, .check { break-inside: avoid; }
  thead th { position: static; }
  a { color: inherit; text-decoration: none; }
}
`;

/** A state as mark and word on its colour: `className` picks the colour, the word carries the meaning. */
function badge(look: StateLook, className = `tone-${look.tone}`): string {
  return `<span class="badge ${className}"><span aria-hidden="true">${look.mark}</span> ${escapeHtml(look.word)}</span>`;
}

function repositoryLink(text: string, target: string, options: RenderOptions): string {
  return `<a href="${escapeHtml(repositoryHref(target, options.linkBase))}">${escapeHtml(text)}</a>`;
}

function documentLink(document: DocumentRef, options: RenderOptions): string {
  const title = document.title === undefined ? '' : ` title="${escapeHtml(document.title)}"`;
  return `<a href="${escapeHtml(repositoryHref(document.path, options.linkBase))}"${title}>${escapeHtml(document.id ?? document.path)}</a>`;
}

function masthead(summary: ReportSummary): string {
  return `<header class="masthead">
<p class="eyebrow">${escapeHtml(summary.catalog.name)} · AI management system report</p>
<h1>${escapeHtml(summary.name)}</h1>
<p class="meta"><span>Repository <code>${escapeHtml(summary.name)}</code></span><span>Judged on <time datetime="${escapeHtml(summary.now)}">${escapeHtml(summary.now)}</time></span><span>${escapeHtml(summary.tool.name)} ${escapeHtml(summary.tool.version)}</span></p>
</header>`;
}

function readinessSection(verdicts: readonly ReadinessVerdict[]): string {
  const failing = verdicts.filter((verdict) => !verdict.ok).length;
  const items = verdicts.map((verdict) => `<li class="check ${verdict.ok ? 'ok' : 'fail'}" data-check="${verdict.check}">
<span class="answer"><span aria-hidden="true">${verdict.ok ? '✓' : '✗'}</span> ${yesNo(verdict.ok)}</span><strong>${escapeHtml(verdict.label)}</strong>
<p>${escapeWithCode(verdict.detail)}</p></li>`).join('\n');
  return `<section id="readiness">
<h2>Internal-audit readiness</h2>
<p class="verdict ${failing === 0 ? 'ready' : 'not-ready'}">${failing === 0 ? 'Ready: every check passes.' : `Not ready: ${failing} of ${verdicts.length} checks fail.`}</p>
<ul class="checks">
${items}
</ul>
</section>`;
}

function statsSection(summary: ReportSummary): string {
  const stat = (value: string, label: string): string => `<div class="stat"><b>${escapeHtml(value)}</b>${escapeHtml(label)}</div>`;
  const { controls } = summary;
  return `<section class="stats" aria-label="Summary">
${stat(`${controls.implemented}/${controls.applicable}`, 'applicable controls implemented')}
${stat(String(controls.excluded + controls.excludedUnjustified), 'controls excluded')}
${stat(String(summary.documents.total), 'governance documents')}
${stat(String(summary.errors), summary.errors === 1 ? 'error' : 'errors')}
${stat(String(summary.warnings), summary.warnings === 1 ? 'warning' : 'warnings')}
</section>`;
}

function coverageSection(objectives: readonly ObjectiveCoverage[]): string {
  const rows = objectives.map((objective) => {
    const percent = Math.round(coverageRatio(objective) * 100);
    const excluded = objective.excluded > 0 ? `, ${objective.excluded} excluded` : '';
    const unresolved = objective.unresolved > 0 ? `, ${objective.unresolved} unresolved` : '';
    return `<span>${escapeHtml(objective.id)} ${escapeHtml(objective.title)}</span>
<span class="bar" role="img" aria-label="${objective.implemented} of ${objective.applicable} applicable controls implemented"><span class="bar-fill" style="width:${percent}%"></span></span>
<span class="bar-value">${objective.implemented}/${objective.applicable}${excluded}${unresolved}</span>`;
  }).join('\n');
  return `<section id="coverage">
<h2>Coverage by control objective</h2>
<p class="muted">Implemented controls of those the Statement of Applicability states as applicable.</p>
<div class="bars">
${rows}
</div>
</section>`;
}

function gridSection(objectives: readonly ObjectiveCoverage[]): string {
  const controls = objectives.flatMap((objective) => objective.controls);
  const legend = (Object.entries(CONTROL_STATES) as [ControlState, StateLook][]).map(([state, look]) =>
    `<li><span class="swatch state-${state}" aria-hidden="true">${look.mark}</span>${escapeHtml(look.word)} (${controls.filter((control) => control.state === state).length})</li>`).join('\n');
  const rows = objectives.map((objective) => `<div class="grid-objective"><span>${escapeHtml(objective.id)} ${escapeHtml(objective.title)}</span><div class="grid-cells">
${objective.controls.map((control) => {
    const look = CONTROL_STATES[control.state];
    return `<a class="grid-cell state-${control.state}" data-state="${control.state}" href="#${controlAnchor(control.id)}" title="${escapeHtml(`${control.id} ${control.title}: ${look.word}`)}"><span aria-hidden="true">${look.mark}</span>${escapeHtml(control.id)}</a>`;
  }).join('\n')}
</div></div>`).join('\n');
  return `<section id="grid">
<h2>Annex A controls by state</h2>
<ul class="legend" aria-label="Legend">
${legend}
</ul>
${rows}
</section>`;
}

function evidenceItem(item: EvidenceEntry, options: RenderOptions): string {
  const named = item.target === undefined ? `<code>${escapeHtml(item.text)}</code>` : repositoryLink(item.text, item.target, options);
  const reason = item.reason === undefined ? '' : `<span class="reason">${escapeWithCode(item.reason)}</span>`;
  return `<li>${badge(EVIDENCE_STATES[item.state])} ${named}${reason}</li>`;
}

function controlRow(control: ControlCoverage, options: RenderOptions): string {
  const evidence = control.evidence.length === 0 ? '<span class="muted">none</span>' : `<ul class="evidence">${control.evidence.map((item) => evidenceItem(item, options)).join('')}</ul>`;
  return `<tr id="${controlAnchor(control.id)}"><td class="id">${escapeHtml(control.id)}</td><td>${escapeHtml(control.title)}</td><td>${badge(CONTROL_STATES[control.state], `state-${control.state}`)}</td><td>${escapeHtml(statementOf(control)) || '<span class="muted">none</span>'}</td><td>${evidence}</td></tr>`;
}

function controlsSection(objectives: readonly ObjectiveCoverage[], options: RenderOptions): string {
  const groups = objectives.map((objective) => `<tbody>
<tr><th colspan="5" scope="rowgroup">${escapeHtml(objective.id)} ${escapeHtml(objective.title)}</th></tr>
${objective.controls.map((control) => controlRow(control, options)).join('\n')}
</tbody>`).join('\n');
  return `<section id="controls">
<h2>Statement of Applicability</h2>
<table class="fixed">
<colgroup><col style="width:10%"><col style="width:19%"><col style="width:17%"><col style="width:26%"><col style="width:28%"></colgroup>
<thead><tr><th>Control</th><th>Title</th><th>State</th><th>Implementation or justification</th><th>Evidence</th></tr></thead>
${groups}
</table>
</section>`;
}

function clausesSection(clauses: readonly ClauseCoverage[], options: RenderOptions): string {
  const rows = clauses.map((clause) => `<tr><td class="id">${escapeHtml(clause.id)}</td><td>${escapeHtml(clause.title)}</td><td>${escapeHtml(clause.documentedInformation)}</td><td>${badge(clauseLook(clause))}</td><td>${
    clause.providers.map((document) => `${documentLink(document, options)} <span class="muted">(${escapeHtml(document.status ?? 'no status')})</span>`).join('<br>') || '<span class="muted">none</span>'}</td></tr>`).join('\n');
  return `<section id="clauses">
<h2>Documented information, clauses 4-10</h2>
<table>
<thead><tr><th>Clause</th><th>Title</th><th>Documented information</th><th>State</th><th>Documents</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`;
}

function artefactCell(artefact: SystemArtefact, required: boolean, options: RenderOptions): string {
  if (artefact.state === 'missing' && !required) return '<span class="muted">none yet (needed at deployment)</span>';
  return `${badge(ARTEFACT_STATES[artefact.state])}${artefact.document ? ` ${documentLink(artefact.document, options)}` : ''}`;
}

function inventoryRow(system: InventorySystem, options: RenderOptions): string {
  const artefact = (type: string): string => {
    const found = system.artefacts.find((candidate) => candidate.type === type);
    return found ? artefactCell(found, system.artefactsRequired, options) : '';
  };
  const suppliers = system.suppliers.map((supplier) => `${escapeHtml(supplier.id)} ${badge(factLook(supplier.assessed, supplier.assessed ? 'assessed' : 'not assessed'))}`).join('<br>') || '<span class="muted">none</span>';
  return `<tr><td>${documentLink(system.document, options)}<br><span class="muted">${escapeHtml(system.document.title ?? '')}</span></td><td>${escapeHtml(system.lifecycleStage ?? '')}</td><td>${escapeHtml(system.riskTier ?? '')}</td><td>${artefact('model-card')}</td><td>${artefact('risk-assessment')}</td><td>${artefact('impact-assessment')}</td><td>${suppliers}</td><td>${badge(factLook(system.complete, yesNo(system.complete)))}</td></tr>`;
}

function inventorySection(systems: readonly InventorySystem[], options: RenderOptions): string {
  const body = systems.length === 0
    ? '<p>No document of type <code>ai-system</code>.</p>'
    : `<table class="fixed">
<colgroup><col style="width:17%"><col style="width:12%"><col style="width:7%"><col style="width:13%"><col style="width:13%"><col style="width:13%"><col style="width:14%"><col style="width:11%"></colgroup>
<thead><tr><th>System</th><th>Lifecycle stage</th><th>Risk tier</th><th>Model card</th><th>Risk assessment</th><th>Impact assessment</th><th>Suppliers</th><th>Complete</th></tr></thead>
<tbody>
${systems.map((system) => inventoryRow(system, options)).join('\n')}
</tbody>
</table>`;
  return `<section id="inventory">
<h2>AI system inventory</h2>
${body}
</section>`;
}

const findingRow = (finding: FindingGroup['findings'][number]): string =>
  `<tr><td><code>${escapeHtml(finding.file)}:${finding.line}:${finding.column}</code></td><td>${finding.severity === 'error' ? 'error' : 'warning'}</td><td>${escapeWithCode(finding.message)}</td></tr>`;

/** A rule's findings, a row at a time: every finding is listed, however many. */
function* findingGroup(group: FindingGroup): Generator<string> {
  yield `<h3><code>${escapeHtml(group.ruleId)}</code>: ${group.errors} error${group.errors === 1 ? '' : 's'}, ${group.warnings} warning${group.warnings === 1 ? '' : 's'}</h3>
${group.description ? `<p class="muted">${escapeHtml(group.description)}</p>` : ''}
<table>
<thead><tr><th>Location</th><th>Severity</th><th>Message</th></tr></thead>
<tbody>
`;
  for (const [at, finding] of group.findings.entries()) yield `${at === 0 ? '' : '\n'}${findingRow(finding)}`;
  yield `
</tbody>
</table>`;
}

function* findingsSection(groups: readonly FindingGroup[]): Generator<string> {
  yield `<section id="findings">
<h2>Findings by rule</h2>
`;
  if (groups.length === 0) yield '<p>No findings.</p>';
  for (const [at, group] of groups.entries()) {
    if (at > 0) yield '\n';
    yield* findingGroup(group);
  }
  yield `
</section>`;
}

/**
 * The report as one self-contained HTML page that an auditor opens offline or
 * prints, in chunks: the findings section lists every finding, so the page
 * can outgrow the longest string.
 */
export function* renderReportHtmlChunks(report: AimsReport, options: RenderOptions = {}): Generator<string> {
  const { summary } = report;
  yield `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>AIMS report: ${escapeHtml(summary.name)}, ${escapeHtml(summary.now)}</title>
<style>${STYLE}</style>
</head>
<body>
${masthead(summary)}
<main>
${readinessSection(report.readiness)}
${statsSection(summary)}
${coverageSection(report.objectives)}
${gridSection(report.objectives)}
${controlsSection(report.objectives, options)}
${clausesSection(report.clauses, options)}
${inventorySection(report.inventory, options)}
${changeHistoryHtml(report.history, options)}
${frameworksHtml(report.frameworks, options)}
`;
  yield* findingsSection(report.findings);
  yield `
</main>
<footer>${escapeHtml(summary.tool.name)} ${escapeHtml(summary.tool.version)} · control ids and short titles from ${escapeHtml(summary.catalog.name)} Annex A</footer>
</body>
</html>
`;
}

/** The report as one string (see `renderReportHtmlChunks`). */
export function renderReportHtml(report: AimsReport, options: RenderOptions = {}): string {
  return joinChunks(renderReportHtmlChunks(report, options));
}
