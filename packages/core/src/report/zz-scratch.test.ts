import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lint } from '../engine/lint.js';
import { buildReport, renderReportHtml, renderReportMarkdown } from './index.js';
it('scratch', async () => {
  const result = await lint({ cwd: fileURLToPath(new URL('../../../../examples/acme', import.meta.url)), now: '2026-11-28' });
  const report = buildReport(result);
  writeFileSync('/tmp/acme-report.json', JSON.stringify(report, null, 2));
  writeFileSync('/tmp/acme-report.md', renderReportMarkdown(report));
  writeFileSync('/tmp/acme-report.html', renderReportHtml(report));
});
