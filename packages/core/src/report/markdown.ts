import { ARTEFACT_STATES, CONTROL_STATES, EVIDENCE_STATES, clauseLook, repositoryHref, statementOf, textBar, yesNo, type RenderOptions } from './present.js';
import type {
  AimsReport, ClauseCoverage, ControlCoverage, DocumentRef, EvidenceEntry, FindingGroup, InventorySystem, ObjectiveCoverage,
  ReadinessVerdict, ReportSummary, SystemArtefact,
} from './types.js';
import { plural } from '../util/words.js';
import { changeHistoryMarkdown } from './history.js';
import { frameworksMarkdown } from './frameworks-render.js';
import { visibleControls } from '../util/escape.js';

/** A PR comment holds 65,536 characters: past this many findings per rule, point to the full run. */
const FINDINGS_PER_RULE = 20;

/**
 * Document text is untrusted and lands in tables: keep it one cell of plain
 * text. Pipes would split the cell, brackets could forge links, a backtick
 * open a code span, `<` raw HTML in a PR comment or job summary (`>` alone
 * opens nothing), `&` an entity; a line break would end the row, other
 * control characters reach the log raw. The one Markdown escaper: the report,
 * the markdown format and the Action's job summary all use it.
 */
export function escapeMarkdown(text: string): string {
  // A run of white space holding a line break becomes one space (YAML folded text reads on); `\s+` keeps this linear.
  return visibleControls(text.replace(/\s+/g, (space) => (/[\r\n]/.test(space) ? ' ' : space)))
    .replace(/[\\`*_[\]|&<]/g, (character) => (character === '<' ? '&lt;' : character === '&' ? '&amp;' : `\\${character}`));
}

/**
 * Linter messages mark names with backticks: keep those code spans (where
 * nothing is markup, so only the pipe needs escaping) and escape the rest.
 * A backslash in a code span cannot be kept in a table cell (`\\|` would end
 * the cell), so such a span is escaped as plain text.
 */
export function escapeMarkdownKeepingCode(text: string): string {
  return text
    .split(/(`[^`\r\n]+`)/)
    .map((part, at) => (at % 2 === 1 && !part.includes('\\') ? visibleControls(part).replace(/\|/g, '\\|') : escapeMarkdown(part)))
    .join('');
}

function link(text: string, target: string, options: RenderOptions): string {
  return `[${escapeMarkdown(text)}](${repositoryHref(target, options.linkBase).replace(/[()]/g, encodeURIComponent)})`;
}

function documentLink(document: DocumentRef, options: RenderOptions): string {
  return link(document.id ?? document.path, document.path, options);
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}


function header(summary: ReportSummary): string[] {
  return [
    `# AIMS report: ${escapeMarkdown(summary.name)}`,
    '',
    `Repository ${escapeMarkdown(summary.name)} · judged on ${summary.now} · ${escapeMarkdown(summary.catalog.name)} · ${summary.tool.name} ${summary.tool.version}`,
  ];
}

function readiness(verdicts: readonly ReadinessVerdict[]): string[] {
  const ready = verdicts.every((verdict) => verdict.ok);
  return [
    '## Internal-audit readiness',
    '',
    ready ? '**Ready**: every check passes.' : `**Not ready**: ${verdicts.filter((verdict) => !verdict.ok).length} of ${verdicts.length} checks fail.`,
    '',
    ...verdicts.map((verdict) => `- [${verdict.ok ? 'x' : ' '}] ${verdict.ok ? '✅' : '❌'} **${verdict.label}**: ${yesNo(verdict.ok)}. ${escapeMarkdownKeepingCode(verdict.detail)}`),
  ];
}

function statusCounts(byStatus: Readonly<Record<string, number>>): string {
  return Object.entries(byStatus).sort(([a], [b]) => a.localeCompare(b)).map(([status, count]) => `${count} ${escapeMarkdown(status)}`).join(', ');
}

function summaryTable(summary: ReportSummary): string[] {
  const { controls, documents } = summary;
  return [
    '## Summary',
    '',
    ...table(['Item', 'Count'], [
      ['Governance documents', `${documents.total} (${statusCounts(documents.byStatus)})`],
      ['Annex A controls', `${controls.implemented} of ${controls.applicable} applicable implemented${controls.partial + controls.planned > 0 ? ` (${controls.partial} partly, ${controls.planned} planned)` : ''}; ${controls.excluded} excluded; ${controls.excludedUnjustified} excluded without a real justification; ${controls.notStated} not stated; ${controls.total} in total`],
      ['Lint findings', `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}`],
      ['Statement of Applicability', summary.soaDocuments.length === 0 ? 'none' : summary.soaDocuments.map(escapeMarkdown).join(', ')],
    ]),
    '',
    '<details><summary>Documents by type</summary>',
    '',
    ...table(['Type', 'Documents', 'By status'], documents.byType.map((count) => [escapeMarkdown(count.type), String(count.total), statusCounts(count.byStatus)])),
    '',
    '</details>',
  ];
}

function coverageTable(objectives: readonly ObjectiveCoverage[]): string[] {
  return [
    '## Annex A coverage by objective',
    '',
    'Implemented controls of those the SoA states as applicable.',
    '',
    ...table(['Objective', 'Implemented / applicable', 'Excluded', 'Unresolved'], objectives.map((objective) => [
      `${objective.id} ${escapeMarkdown(objective.title)}`,
      `\`${textBar(objective)}\``,
      String(objective.excluded),
      String(objective.unresolved),
    ])),
  ];
}

function evidenceCell(item: EvidenceEntry, options: RenderOptions): string {
  const look = EVIDENCE_STATES[item.state];
  const named = item.target === undefined ? escapeMarkdown(item.text) : link(item.text, item.target, options);
  const reason = item.reason === undefined ? '' : ` (${escapeMarkdownKeepingCode(item.reason)})`;
  return `${look.emoji} ${look.word}: ${named}${reason}`;
}

function controlRow(control: ControlCoverage, options: RenderOptions): string[] {
  const look = CONTROL_STATES[control.state];
  return [
    control.id,
    escapeMarkdown(control.title),
    `${look.emoji} ${look.word}`,
    escapeMarkdown(statementOf(control)) || '—',
    control.evidence.map((item) => evidenceCell(item, options)).join('<br>') || '—',
  ];
}

function controlTables(objectives: readonly ObjectiveCoverage[], options: RenderOptions): string[] {
  return [
    '## Statement of Applicability: controls',
    '',
    `States: ${Object.values(CONTROL_STATES).map((look) => `${look.emoji} ${look.word}`).join(' · ')}`,
    ...objectives.flatMap((objective) => [
      '',
      `### ${objective.id} ${escapeMarkdown(objective.title)}`,
      '',
      ...table(['Control', 'Title', 'State', 'Implementation or justification', 'Evidence'], objective.controls.map((control) => controlRow(control, options))),
    ]),
  ];
}

function clauseTable(clauses: readonly ClauseCoverage[], options: RenderOptions): string[] {
  return [
    '## Documented information (clauses 4-10)',
    '',
    ...table(['Clause', 'Title', 'Documented information', 'State', 'Documents'], clauses.map((clause) => [
      clause.id,
      escapeMarkdown(clause.title),
      escapeMarkdown(clause.documentedInformation),
      `${clauseLook(clause).emoji} ${clauseLook(clause).word}`,
      clause.providers.map((document) => `${documentLink(document, options)} (${escapeMarkdown(document.status ?? 'no status')})`).join(', ') || '—',
    ])),
  ];
}

function artefactCell(artefact: SystemArtefact, required: boolean, options: RenderOptions): string {
  if (artefact.state === 'missing' && !required) return '➖ none yet (needed at deployment)';
  const look = ARTEFACT_STATES[artefact.state];
  return `${look.emoji} ${look.word}${artefact.document ? `: ${documentLink(artefact.document, options)}` : ''}`;
}

function inventoryRow(system: InventorySystem, options: RenderOptions): string[] {
  const artefact = (type: string): string => {
    const found = system.artefacts.find((candidate) => candidate.type === type);
    return found ? artefactCell(found, system.artefactsRequired, options) : '—';
  };
  return [
    `${documentLink(system.document, options)} ${escapeMarkdown(system.document.title ?? '')}`.trim(),
    escapeMarkdown(system.lifecycleStage ?? '—'),
    escapeMarkdown(system.riskTier ?? '—'),
    artefact('model-card'),
    artefact('risk-assessment'),
    artefact('impact-assessment'),
    system.suppliers.map((supplier) => `${escapeMarkdown(supplier.id)} ${supplier.assessed ? '✅ assessed' : '❌ not assessed'}`).join('<br>') || '—',
    system.complete ? '✅ yes' : '❌ no',
  ];
}

function inventoryTable(systems: readonly InventorySystem[], options: RenderOptions): string[] {
  return [
    '## AI system inventory',
    '',
    ...(systems.length === 0
      ? ['No document of type `ai-system`.']
      : table(['System', 'Lifecycle stage', 'Risk tier', 'Model card', 'Risk assessment', 'Impact assessment', 'Suppliers', 'Complete'], systems.map((system) => inventoryRow(system, options)))),
  ];
}

function findingGroup(group: FindingGroup): string[] {
  const shown = group.findings.slice(0, FINDINGS_PER_RULE);
  const left = group.findings.length - shown.length;
  return [
    '',
    `### ${escapeMarkdown(group.ruleId)}: ${plural(group.errors, 'error')}, ${plural(group.warnings, 'warning')}`,
    '',
    ...(group.description ? [escapeMarkdownKeepingCode(group.description), ''] : []),
    ...table(['File', 'Line', 'Severity', 'Message'], shown.map((finding) => [escapeMarkdown(visibleControls(finding.file)), String(finding.line), finding.severity === 'error' ? 'error' : 'warning', escapeMarkdownKeepingCode(finding.message)])),
    ...(left > 0 ? ['', `${plural(left, 'more finding')} of this rule: run \`aimslint\` to see all.`] : []),
  ];
}

function findings(groups: readonly FindingGroup[]): string[] {
  return ['## Findings by rule', ...(groups.length === 0 ? ['', 'No findings.'] : groups.flatMap(findingGroup))];
}

/** The report as GitHub-flavoured Markdown: for a terminal, a PR comment or a job summary. */
export function renderReportMarkdown(report: AimsReport, options: RenderOptions = {}): string {
  return [
    ...header(report.summary),
    '',
    ...readiness(report.readiness),
    '',
    ...summaryTable(report.summary),
    '',
    ...coverageTable(report.objectives),
    '',
    ...controlTables(report.objectives, options),
    '',
    ...clauseTable(report.clauses, options),
    '',
    ...inventoryTable(report.inventory, options),
    '',
    ...changeHistoryMarkdown(report.history, options), ...(report.history ? [''] : []),
    ...frameworksMarkdown(report.frameworks, options),
    '',
    ...findings(report.findings),
    '',
  ].join('\n');
}
