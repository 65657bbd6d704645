/** The coverage per framework, as Markdown lines and as an HTML section with one chart per framework. */
import type { FrameworkCoverage, FrameworkEvidence, FrameworkItemCoverage, FrameworkState } from './frameworks.js';
import { FRAMEWORK_STATES } from './frameworks.js';
import { escapeHtml } from './html.js';
import { escapeMarkdown } from './markdown.js';
import { repositoryHref, type RenderOptions, type StateLook } from './present.js';

export const FRAMEWORK_LOOKS: Readonly<Record<FrameworkState, StateLook>> = {
  current: { word: 'current', emoji: '✅', mark: '✓', tone: 'ok' },
  stale: { word: 'stale', emoji: '⏰', mark: '!', tone: 'warn' },
  draft: { word: 'draft only', emoji: '📝', mark: '!', tone: 'warn' },
  none: { word: 'no evidence', emoji: '❌', mark: '✗', tone: 'bad' },
};

/** "12 current, 3 stale, 0 draft only, 57 no evidence". */
function countsInWords(counts: Record<FrameworkState, number>): string {
  return FRAMEWORK_STATES.map((state) => `${counts[state]} ${FRAMEWORK_LOOKS[state].word}`).join(', ');
}

function viaInWords(item: FrameworkEvidence): string {
  if (item.via === 'crosswalk') return `via ${item.through.join(', ')}`;
  return item.via === 'soa' ? 'cited in the SoA' : 'lists it';
}

function sourceLine(framework: FrameworkCoverage): string | undefined {
  const crosswalk = framework.crosswalk;
  if (!crosswalk) return undefined;
  const sources = crosswalk.sources.map((source) => `${source.title} (${source.publisher}, ${source.url})`).join('; ');
  return `Crosswalk to ISO/IEC 42001 Annex A: ${crosswalk.rows} mapped items${sources === '' ? '' : ` from ${sources}`}. ${crosswalk.note}`;
}

function markdownEvidence(item: FrameworkItemCoverage, options: RenderOptions): string {
  if (item.evidence.length === 0) return '';
  return item.evidence
    .map((evidence) => `[${escapeMarkdown(evidence.id ?? evidence.path)}](${repositoryHref(evidence.path, options.linkBase).replace(/[()]/g, encodeURIComponent)}) ${FRAMEWORK_LOOKS[evidence.state].word}, ${escapeMarkdown(viaInWords(evidence))}`)
    .join('<br>');
}

export function frameworksMarkdown(frameworks: readonly FrameworkCoverage[], options: RenderOptions): string[] {
  const lines = ['## Coverage by framework', '', 'Each item with the best evidence that reaches it: a document that lists its id in `controls`, the SoA, or a crosswalk from the ISO/IEC 42001 Annex A controls.'];
  for (const framework of frameworks) {
    const source = sourceLine(framework);
    lines.push('', `### ${escapeMarkdown(framework.name)}`, '', `${framework.items.length} items: ${countsInWords(framework.counts)}.`);
    if (source) lines.push('', escapeMarkdown(source));
    if (framework.kind === 'catalog') {
      // The SoA tables above list each control with its evidence: here, only the counts per objective.
      lines.push('', '| Objective | Current | Stale | Draft only | No evidence |', '|---|--:|--:|--:|--:|');
      for (const group of framework.groups) lines.push(`| ${escapeMarkdown(`${group.id} ${group.title}`)} | ${FRAMEWORK_STATES.map((state) => group.counts[state]).join(' | ')} |`);
      continue;
    }
    lines.push('', '| Item | Title | Evidence state | Evidence |', '|---|---|---|---|');
    for (const item of framework.items) {
      const look = FRAMEWORK_LOOKS[item.state];
      lines.push(`| ${escapeMarkdown(item.label)} | ${escapeMarkdown(item.title)} | ${look.emoji} ${look.word} | ${markdownEvidence(item, options)} |`);
    }
  }
  return lines;
}

/**
 * Stacked bars in the state colours; the words beside each bar carry the same
 * numbers. A function, not a constant: html.ts builds its style sheet while
 * this module may still be loading (they import each other).
 */
export function frameworkStyle(): string {
  return `
.fw-bars { display: grid; grid-template-columns: minmax(160px, 2fr) 3fr minmax(180px, auto); gap: 6px 16px; align-items: center; margin-bottom: 12px; }
.fw-bar { display: flex; height: 16px; border-radius: 4px; overflow: hidden; background: var(--excluded-bg); }
.fw-bar span { display: block; height: 100%; }
.fw-current { background: var(--implemented); } .fw-stale { background: var(--evidence-gap); } .fw-draft { background: #d4a72c; } .fw-none { background: var(--excluded-bg); }
.fw-top { font-weight: 600; }
`;
}

function bar(label: string, counts: Record<FrameworkState, number>, top: boolean): string {
  const total = FRAMEWORK_STATES.reduce((sum, state) => sum + counts[state], 0);
  const parts = FRAMEWORK_STATES.filter((state) => counts[state] > 0)
    .map((state) => `<span class="fw-${state}" style="width:${((counts[state] / total) * 100).toFixed(1)}%"></span>`).join('');
  return `<span${top ? ' class="fw-top"' : ''}>${escapeHtml(label)}</span>
<span class="fw-bar" role="img" aria-label="${escapeHtml(countsInWords(counts))}">${parts}</span>
<span class="bar-value">${counts.current}/${total} current${counts.stale + counts.draft > 0 ? `, ${counts.stale + counts.draft} stale or draft` : ''}</span>`;
}

function htmlEvidence(item: FrameworkItemCoverage, options: RenderOptions): string {
  return item.evidence
    .map((evidence) => `<li><a href="${escapeHtml(repositoryHref(evidence.path, options.linkBase))}">${escapeHtml(evidence.id ?? evidence.path)}</a> <span class="badge tone-${FRAMEWORK_LOOKS[evidence.state].tone}">${escapeHtml(FRAMEWORK_LOOKS[evidence.state].word)}</span> <span class="muted">${escapeHtml(viaInWords(evidence))}</span></li>`)
    .join('');
}

function frameworkBlock(framework: FrameworkCoverage, options: RenderOptions): string {
  const anchor = `framework-${framework.id.replace(/[^A-Za-z0-9]/g, '-')}`;
  const bars = [bar('All items', framework.counts, true), ...framework.groups.map((group) => bar(`${group.id} ${group.title}`, group.counts, group.parent === undefined))].join('\n');
  const rows = framework.items.map((item) => {
    const look = FRAMEWORK_LOOKS[item.state];
    return `<tr><td class="id">${escapeHtml(item.label)}</td><td>${escapeHtml(item.title)}</td><td><span class="badge tone-${look.tone}"><span aria-hidden="true">${look.mark}</span> ${escapeHtml(look.word)}</span></td><td><ul class="evidence">${htmlEvidence(item, options)}</ul></td></tr>`;
  }).join('\n');
  const source = sourceLine(framework);
  return `<h3 id="${anchor}">${escapeHtml(framework.name)}</h3>
<p>${framework.items.length} items: ${escapeHtml(countsInWords(framework.counts))}.</p>
<div class="fw-bars" data-framework="${escapeHtml(framework.id)}">
${bars}
</div>
${source ? `<p class="muted">${escapeHtml(source)}</p>` : ''}
<details><summary>Items and their evidence</summary>
<table class="fixed"><thead><tr><th style="width:14%">Item</th><th style="width:36%">Title</th><th style="width:14%">Evidence</th><th>Documents</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</details>`;
}

export function frameworksHtml(frameworks: readonly FrameworkCoverage[], options: RenderOptions): string {
  return `<section id="frameworks">
<h2>Coverage by framework</h2>
<p class="muted">Each item with the best evidence that reaches it: a document that lists its id in <code>controls</code>, the SoA, or a crosswalk from the ISO/IEC 42001 Annex A controls.</p>
${frameworks.map((framework) => frameworkBlock(framework, options)).join('\n')}
</section>`;
}
