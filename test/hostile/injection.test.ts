/**
 * Case 6 of the hostile-input review: text from the repository (file names,
 * values quoted in messages) reaches a CI log, a terminal, a job summary or a
 * code-scanning upload. Each medium escapes it so that it shows and does
 * nothing: no workflow command (`::error::`, `::add-mask::`) at the start of a
 * log line, no terminal escape sequence, no raw HTML in the job summary, no
 * character XML cannot carry. And `--` ends the CLI's options, so a file named
 * `--output-file=README.md` is linted, not obeyed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSummary } from '../../packages/action/src/summary.js';
import { main } from '../../packages/cli/src/main.js';
import { FORMATTERS } from '../../packages/core/src/formats/index.js';
import { formatMessage } from '../../packages/core/src/rules/types.js';
import { at, lintResultOf } from '../../packages/core/src/testing/lint-result.js';
import { listFiles } from './helpers.js';

/** A file name that, printed raw, starts a workflow command on the next log line. */
const NEWLINE_NAME = 'aims/x.md\n::error::pwned.md';
/** A file name holding an OSC 8 hyperlink, a screen clear, a one-character CSI (C1) and a line separator. */
const ESCAPE_NAME = 'aims/\u001b]8;;https://evil.test\u0007\u001b[2Jclear\u009b31m\u2028.md';
/** A value with a backtick, quoted in a message the way rules quote values: it closes the code span. */
const MESSAGE = formatMessage('The status `{{value}}` is not allowed', { value: 'x`<img src=x onerror=alert(1)>' });
/** A message that did not go through a rule's template, raw. */
const RAW_MESSAGE = 'raw 100%\r\n::add-mask::secret';

const RESULT = lintResultOf({
  root: '/work/repo',
  paths: [NEWLINE_NAME, ESCAPE_NAME],
  findings: [
    { ruleId: 'meta/status', severity: 'error', message: MESSAGE, file: NEWLINE_NAME, range: at(3, 1) },
    { ruleId: 'meta/status', severity: 'warn', message: RAW_MESSAGE, file: ESCAPE_NAME, range: at(4, 2) },
  ],
});
const OPTIONS = { color: false, docsBaseUrl: 'https://d.test', toolVersion: '1' };
const format = (name: string): string => FORMATTERS[name]!(RESULT, OPTIONS);

/** What a log or a terminal must never receive from the repository: controls other than the formats' own line breaks. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

describe('file names and messages in plain-text output', () => {
  it('stylish shows control characters as \\uXXXX: no workflow command starts a line, no escape sequence', () => {
    const text = format('stylish');
    expect(text).not.toMatch(RAW_CONTROL);
    expect(text.split('\n').filter((line) => line.startsWith('::'))).toEqual([]);
    expect(text.split('\n')).toEqual([
      '',
      'aims/x.md\\u000a::error::pwned.md',
      '  3:1  error  The status `x`<img src=x onerror=alert(1)>` is not allowed  meta/status',
      '',
      'aims/\\u001b]8;;https://evil.test\\u0007\\u001b[2Jclear\\u009b31m\\u2028.md',
      '  4:2  warning  raw 100%\\u000d\\u000a::add-mask::secret  meta/status',
      '',
      '✖ 2 problems (1 error, 1 warning)',
      '',
    ]);
  });

  it('github encodes %, CR, LF (and : , in properties) as GitHub decodes them, and shows the other controls', () => {
    const text = format('github');
    expect(text).not.toMatch(RAW_CONTROL);
    expect(text.split('\n')).toEqual([
      '::error file=aims/x.md%0A%3A%3Aerror%3A%3Apwned.md,line=3,endLine=3,col=1,endColumn=6,title=meta/status::The status `x`<img src=x onerror=alert(1)>` is not allowed',
      '::warning file=aims/\\u001b]8;;https%3A//evil.test\\u0007\\u001b[2Jclear\\u009b31m\\u2028.md,line=4,endLine=4,col=2,endColumn=7,title=meta/status::raw 100%25%0D%0A::add-mask::secret',
      '',
    ]);
  });
});

describe('file names and messages in Markdown', () => {
  it('the markdown format keeps each finding one table row of text: no raw HTML, no control character', () => {
    const text = format('markdown');
    expect(text).not.toMatch(RAW_CONTROL);
    expect(text).not.toContain('<img');
    expect(text.split('\n').slice(-3)).toEqual([
      '| error | [aims/x.md\\\\u000a::error::pwned.md:3](aims/x.md%0A%3A%3Aerror%3A%3Apwned.md#L3) | [`meta/status`](https://d.test/meta/status.md) | The status `x`&lt;img src=x onerror=alert(1)>\\` is not allowed |',
      '| warning | [aims/\\\\u001b\\]8;;https://evil.test\\\\u0007\\\\u001b\\[2Jclear\\\\u009b31m\\\\u2028.md:4](aims/%1B%5D8%3B%3Bhttps%3A//evil.test%07%1B%5B2Jclear%C2%9B31m%E2%80%A8.md#L4) | [`meta/status`](https://d.test/meta/status.md) | raw 100% ::add-mask::secret |',
      '',
    ]);
  });

  it('the job summary shows locations in <code> with escaped text, and a backtick in a value opens no raw HTML', () => {
    const summary = buildSummary(RESULT);
    expect(summary).not.toMatch(RAW_CONTROL);
    expect(summary).not.toContain('<img');
    const rows = summary.split('\n').filter((line) => line.includes('pwned') || line.includes('evil.test') || line.startsWith('### meta/status'));
    expect(rows).toEqual([
      '| error | <code>aims/x.md\\\\u000a::error::pwned.md:3:1</code> | <code>meta/status</code> | The status `x`&lt;img src=x onerror=alert(1)>\\` is not allowed |',
      '| warning | <code>aims/\\\\u001b\\]8;;https://evil.test\\\\u0007\\\\u001b\\[2Jclear\\\\u009b31m\\\\u2028.md:4:2</code> | <code>meta/status</code> | raw 100% ::add-mask::secret |',
      // The AIMS report below the table: the findings of the rule, file names escaped the same way.
      '### meta/status: 1 error, 1 warning',
      '| aims/x.md\\\\u000a::error::pwned.md | 3 | error | The status `x`&lt;img src=x onerror=alert(1)>\\` is not allowed |',
      '| aims/\\\\u001b\\]8;;https://evil.test\\\\u0007\\\\u001b\\[2Jclear\\\\u009b31m\\\\u2028.md | 4 | warning | raw 100% ::add-mask::secret |',
    ]);
  });
});

describe('file names and messages in machine-read formats', () => {
  it('junit replaces what XML 1.0 cannot carry and encodes line breaks in attributes', () => {
    const text = format('junit');
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    const lines = text.split('\n');
    expect(lines[2]).toBe('  <testsuite name="aims/x.md&#10;::error::pwned.md" tests="1" failures="1" errors="0" time="0">');
    expect(lines[4]).toBe('      <failure type="error" message="The status `x`&lt;img src=x onerror=alert(1)&gt;` is not allowed">Error - The status `x`&lt;img src=x onerror=alert(1)&gt;` is not allowed (meta/status) at aims/x.md&#10;::error::pwned.md:3:1</failure>');
    // ESC and BEL become U+FFFD; C1 controls and U+2028 are legal XML 1.0 characters and stay.
    expect(lines[7]).toBe('  <testsuite name="aims/\uFFFD]8;;https://evil.test\uFFFD\uFFFD[2Jclear\u009b31m\u2028.md" tests="1" failures="1" errors="0" time="0">');
    expect(lines[9]).toContain('<failure type="warning" message="raw 100%&#13;&#10;::add-mask::secret">Warning - raw 100%&#13;&#10;::add-mask::secret (meta/status)');
  });

  it('sarif and json carry the names exactly, escaped by JSON', () => {
    const sarif = format('sarif');
    expect(sarif).not.toMatch(/[\u0000-\u001f](?<!\n)/);
    const uris = (JSON.parse(sarif) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] }).runs[0]!.results.map((result) => decodeURIComponent(result.locations[0]!.physicalLocation.artifactLocation.uri));
    expect(uris).toEqual([NEWLINE_NAME, ESCAPE_NAME]);
    const json = format('json');
    expect(json).not.toMatch(/[\u0000-\u001f](?<!\n)/);
    expect((JSON.parse(json) as { filePath: string; messages: { message: string }[] }[]).map((file) => [file.filePath, file.messages[0]!.message])).toEqual([[`/work/repo/${NEWLINE_NAME}`, MESSAGE], [`/work/repo/${ESCAPE_NAME}`, RAW_MESSAGE]]);
  });
});

describe('-- ends the options', () => {
  it('a file named --output-file=README.md after -- is linted, and README.md is left alone', async () => {
    const root = mkdtempSync(join(tmpdir(), 'aimslint-hostile-dashdash-'));
    try {
      writeFileSync(join(root, 'aimslint.config.json'), JSON.stringify({ rules: { 'aims/required-document': 'off', 'soa/missing': 'off', 'ref/unresolved': 'off' } }));
      writeFileSync(join(root, 'README.md'), '# Acme AIMS\n');
      writeFileSync(join(root, '--output-file=README.md'), '---\nid: POL-001\ntype: ai-policy\ntitle: AI policy\nowner: ROLE-CISO\nstatus: draft\nversion: "1.0"\n---\n# AI policy\n\nSee [the register](register.md).\n');
      let stdout = '';
      let stderr = '';
      const io = { cwd: root, stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, env: {} };
      expect(await main(['--no-color', '--', '--output-file=README.md'], io)).toBe(1);
      expect(stdout).toContain('--output-file=README.md\n  11:5  error  This link points at `register.md`');
      expect(readFileSync(join(root, 'README.md'), 'utf8')).toBe('# Acme AIMS\n');
      expect(listFiles(root)).toEqual(['--output-file=README.md', 'README.md', 'aimslint.config.json']);
      // After --, a word that names a command is a path too.
      stdout = '';
      expect(await main(['--', 'report'], io)).toBe(2);
      expect(stderr).toBe('aimslint: path not found: report\n');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
