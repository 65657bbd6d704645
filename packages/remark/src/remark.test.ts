/**
 * remark-cli with the plugin reports what the CLI reports: the same rule,
 * line and column for every finding of the broken examples. Runs the built
 * plugin (packages/remark/dist, made by `pnpm build`) as remark-cli loads it.
 */
import { execFile } from 'node:child_process';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { lintWithRemark } from './index.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const REMARK = join(ROOT, 'node_modules/.bin/remark');
const AIMSLINT = join(ROOT, 'packages/cli/bin/aimslint.js');
const PLUGIN = join(ROOT, 'packages/remark/dist/index.js');
const NOW = '2026-11-28';

type Row = string;

/** remark-cli's report (vfile-reporter, no colour): `file` headers, then `line:column-end  error  reason  rule  source`. */
function remarkRows(report: string): Row[] {
  let file = '';
  const rows: Row[] = [];
  for (const line of report.split('\n')) {
    const header = /^(\S[^:]*?)(?::\s+no issues found)?$/.exec(line);
    if (header && !/^\d/.test(line) && !/^[⚠✖]/.test(line)) file = header[1] ?? '';
    const message = /^\s*(\d+):(\d+)(?:-\d+:\d+)?\s+(error|warning)\s.*\s(\S+)\s+aimslint\s*$/.exec(line);
    if (message) rows.push(`${message[4]} ${file}:${message[1]}:${message[2]} ${message[3] === 'error' ? 'error' : 'warn'}`);
  }
  return rows.sort();
}

interface EslintJson { filePath: string; messages: { ruleId: string; line: number; column: number; severity: number }[] }

describe.each(['broken-basics', 'broken-soa'])('remark-cli with @aimslint/remark on examples/%s', (example) => {
  const cwd = join(ROOT, 'examples', example);
  it('reports the same rule, line and column as aimslint --format json', async () => {
    const cli = await run(process.execPath, [AIMSLINT, '--format', 'json', '--now', NOW], { cwd }).catch((error: { stdout: string }) => error);
    const expected = (JSON.parse(cli.stdout) as EslintJson[]).flatMap((file) =>
      file.messages.map((m) => `${m.ruleId} ${relative(cwd, file.filePath)}:${m.line}:${m.column} ${m.severity === 2 ? 'error' : 'warn'}`)).sort();
    const remark = await run(REMARK, ['.', '--use', `${PLUGIN}=now:"${NOW}"`, '--use', 'remark-frontmatter', '--no-stdout', '--no-color'], { cwd }).catch((error: { stderr: string }) => error);
    expect(expected.length).toBeGreaterThan(10);
    expect(remarkRows(remark.stderr)).toEqual(expected);
  });
});

describe('lintWithRemark', () => {
  it('lints the text it is given (an unsaved buffer), not the disk', async () => {
    const path = join(ROOT, 'examples/acme/aims/ai-policy.md');
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(path, 'utf8').replace('status: approved', 'status: aproved');
    const file = await lintWithRemark(new VFile({ path, value: text }), { now: NOW });
    expect(file.messages.map((m) => [m.ruleId, m.source, m.line, m.column, m.fatal])).toEqual([['schema/invalid', 'aimslint', 6, 9, true]]);
  });
});
