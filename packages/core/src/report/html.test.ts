import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../engine/lint.js';
import { buildReport } from './build.js';
import { escapeHtml, renderReportHtml } from './html.js';
import type { AimsReport } from './types.js';

const ACME = fileURLToPath(new URL('../../../../examples/acme', import.meta.url));
const SCRIPT = '<script>alert(1)</script>';

/** The first Chromium on PATH; CI installs the Debian package `chromium`. */
function findChromium(): string | undefined {
  const directories = (process.env['PATH'] ?? '').split(delimiter).filter((directory) => directory !== '');
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    for (const directory of directories) {
      if (existsSync(join(directory, name))) return join(directory, name);
    }
  }
  return undefined;
}

const chromium = findChromium();

/** The DOM after Chromium parsed and laid out the page, offline, with a throwaway profile. */
function renderedDom(html: string): string {
  if (chromium === undefined) throw new Error('no Chromium on PATH');
  const scratch = mkdtempSync(join(tmpdir(), 'aimslint-report-'));
  try {
    const page = join(scratch, 'report.html');
    writeFileSync(page, html);
    const run = spawnSync(chromium, [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--user-data-dir=${join(scratch, 'profile')}`, '--dump-dom', pathToFileURL(page).href,
    ], { encoding: 'utf8', timeout: 60_000 });
    if (run.status !== 0) throw new Error(`chromium exited with ${String(run.status)}: ${run.stderr}`);
    return run.stdout;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The acme report with untrusted text where documents supply it. */
function withHostileText(report: AimsReport): AimsReport {
  const hostile = structuredClone(report);
  const policy = hostile.objectives[0]?.controls[0];
  const system = hostile.inventory[0];
  if (!policy || !system || !policy.evidence[0]) throw new Error('the example report changed shape');
  hostile.summary.name = `<img src=x onerror=alert(1)>`;
  policy.implementation = SCRIPT;
  policy.evidence[0].text = `"><svg onload=alert(1)>`;
  system.document.title = `${SCRIPT}" onmouseover="alert(1)`;
  return hostile;
}

const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;

describe('renderReportHtml', () => {
  let report: AimsReport;
  let html: string;
  beforeAll(async () => {
    report = buildReport(await lint({ cwd: ACME, now: '2026-11-28' }));
    html = renderReportHtml(report);
  });

  it('is one self-contained file: no scripts, no external resources', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
  });

  it('has a grid cell per control, linked to its table row, and a legend in words', () => {
    expect(count(html, /class="grid-cell /g)).toBe(38);
    expect(html).toContain('<a class="grid-cell state-excluded" data-state="excluded" href="#control-A-10-4" title="A.10.4 Customers: excluded">');
    expect(html).toContain('<tr id="control-A-10-4">');
    for (const word of ['implemented', 'evidence gap', 'excluded', 'excluded, unjustified', 'not stated']) expect(html).toMatch(new RegExp(`</span>${word} \\(\\d+\\)</li>`));
  });

  it('shows the readiness verdicts, coverage, clauses and inventory', () => {
    expect(count(html, /<li class="check (ok|fail)" data-check="/g)).toBe(5);
    expect(html).toContain('<strong>SoA complete</strong>');
    expect(html).toContain('<span class="bar-fill" style="width:100%"></span>');
    expect(html).toContain('<td class="id">9.2.2</td>');
    expect(html).toContain('<a href="systems/credit-scoring/system.md" title="Acme Score v4 - Consumer Credit Scoring">AIS-CREDIT-SCORING</a>');
  });

  it('shows hostile document text as text', () => {
    const hostile = renderReportHtml(withHostileText(report));
    expect(hostile).not.toContain(SCRIPT);
    expect(hostile).not.toMatch(/<img|<svg|" onmouseover=/);
    expect(hostile).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(hostile).toContain('<h1>&lt;img src=x onerror=alert(1)&gt;</h1>');
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe.skipIf(chromium === undefined)('the HTML report in headless Chromium', () => {
  let report: AimsReport;
  beforeAll(async () => {
    report = buildReport(await lint({ cwd: ACME, now: '2026-11-28' }));
  });
  it('renders 38 grid cells and the readiness verdicts', () => {
    const dom = renderedDom(renderReportHtml(report));
    expect(count(dom, /class="grid-cell /g)).toBe(38);
    expect(count(dom, /data-check="/g)).toBe(5);
    for (const label of ['SoA complete', 'All evidence current', 'Inventory complete', 'Required documents present', 'No errors']) {
      expect(dom).toContain(`<strong>${label}</strong>`);
    }
    expect(dom).toMatch(/Ready: every check passes\.|Not ready: \d of 5 checks fail\./);
  });

  it('creates no element from hostile text', () => {
    const dom = renderedDom(renderReportHtml(withHostileText(report)));
    expect(dom).not.toMatch(/<script|<img|<svg/i);
    // Serialised attributes keep `"` as `&quot;`: a raw quote after the name would be a real attribute.
    expect(dom).not.toMatch(/<[^>]*\sonmouseover="/i);
    expect(dom).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
