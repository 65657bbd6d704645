import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { json } from '../formats/json.js';
import { sarif } from '../formats/sarif.js';
import { lintFiles } from '../testing/lint-files.js';
import type { LintResult } from './lint.js';

/** A draft policy whose body links to a procedure that does not exist yet, after `before` (line 12, or 13 with one frontmatter line more). */
const policy = (before: string, frontmatterExtra = '') => [
  '---',
  'id: POL-001',
  'type: ai-policy',
  'title: AI policy',
  'owner: ROLE-AIMS-LEAD',
  'status: draft',
  'version: "1.0"',
  ...(frontmatterExtra === '' ? [] : [frontmatterExtra]),
  '---',
  '# AI policy',
  '',
  before,
  'See the [incident procedure](incident-procedure.md).',
  '',
].join('\n');

const FILE = 'aims/ai-policy.md';
const OPTIONS = { rules: { 'ref/unresolved': 'off', 'soa/missing': 'off', 'aims/required-document': 'off' } };

async function lintPolicy(text: string): Promise<LintResult> {
  return lintFiles({ [FILE]: text, 'aimslint.config.json': JSON.stringify(OPTIONS) });
}

const summary = (result: LintResult) => result.files.flatMap((file) => file.findings).map((finding) => `${finding.ruleId} ${finding.range.line}:${finding.range.column} ${finding.message}`);
const suppressedOf = (result: LintResult) => result.files.flatMap((file) => file.suppressed ?? []).map((finding) => `${finding.ruleId} ${finding.range.line} ${finding.suppressions.map((s) => `${s.kind}: ${s.justification}`).join()}`);

describe('inline suppressions', () => {
  it('without one, the broken link is an error (the case below suppress)', async () => {
    const result = await lintPolicy(policy(''));
    expect(summary(result)).toEqual(['link/broken 12:9 This link points at `aims/incident-procedure.md`, which does not exist in the repository.']);
  });

  it('disable-next-line with a reason suppresses the finding on the next line, and says why', async () => {
    const result = await lintPolicy(policy('<!-- aimslint-disable-next-line link/broken -- procedure is drafted in PR 212 -->'));
    expect(summary(result)).toEqual([]);
    expect(result.errorCount).toBe(0);
    expect(suppressedOf(result)).toEqual(['link/broken 12 directive: procedure is drafted in PR 212']);
  });

  it('disable ... enable covers the lines between', async () => {
    const text = policy('<!-- aimslint-disable link/broken -- the procedures move next quarter -->\n\nOld link: [x](gone.md)\n\n<!-- aimslint-enable link/broken -->').replace('See the', 'After: see the');
    const result = await lintPolicy(text);
    expect(summary(result)).toEqual(['link/broken 16:16 This link points at `aims/incident-procedure.md`, which does not exist in the repository.']);
    expect(suppressedOf(result)).toEqual(['link/broken 13 directive: the procedures move next quarter']);
  });

  it('a YAML comment in the frontmatter suppresses the next line, and a disable there covers the file from its top', async () => {
    const nextLine = await lintPolicy(policy('', '# aimslint-disable-next-line schema/invalid -- SharePoint sync key, kept until the migration\nsharepoint_id: 4711'));
    expect(summary(nextLine)).toEqual(['link/broken 14:9 This link points at `aims/incident-procedure.md`, which does not exist in the repository.']);
    expect(suppressedOf(nextLine)).toEqual(['schema/invalid 9 directive: SharePoint sync key, kept until the migration']);
    const block = await lintPolicy(policy('', '# aimslint-disable link/broken -- procedures are written in Q1'));
    expect(summary(block)).toEqual([]);
  });

  it('a directive without a reason is a finding and suppresses nothing', async () => {
    const result = await lintPolicy(policy('<!-- aimslint-disable-next-line link/broken -->'));
    expect(summary(result)).toEqual([
      'suppression/invalid 11:1 This `aimslint-disable-next-line` gives no reason, so it suppresses nothing: write why after ` -- `, for example `<!-- aimslint-disable-next-line link/broken -- the reason, and who accepted it -->`.',
      'link/broken 12:9 This link points at `aims/incident-procedure.md`, which does not exist in the repository.',
    ].sort((a, b) => Number(a.split(' ')[1]?.split(':')[0]) - Number(b.split(' ')[1]?.split(':')[0])));
  });

  it('a directive that suppresses nothing is a finding; so are an unknown rule and a stray enable', async () => {
    const unused = await lintPolicy(policy('<!-- aimslint-disable-next-line content/placeholder -- the TBD below is agreed -->'));
    expect(summary(unused)).toContain('suppression/unused 11:1 This `aimslint-disable-next-line` suppresses nothing (`content/placeholder` finds nothing on the next line); remove it.');
    const unknown = await lintPolicy(policy('<!-- aimslint-disable-next-line link/brokn -- agreed -->'));
    expect(summary(unknown)).toContain('suppression/invalid 11:1 `link/brokn` in this `aimslint-disable-next-line` is not a rule, so it suppresses nothing; `aimslint explain` lists the rules. Did you mean `link/broken`?');
    const stray = await lintPolicy(policy('<!-- aimslint-enable link/broken -->'));
    expect(summary(stray)).toContain('suppression/invalid 11:1 This `aimslint-enable` ends no `aimslint-disable` before it; remove it.');
  });

  it('a directive shown in a code block is an example, not a directive', async () => {
    const result = await lintPolicy(policy('```markdown\n<!-- aimslint-disable-next-line link/broken -- example -->\n```'));
    expect(summary(result).map((line) => line.split(' ')[0])).toEqual(['link/broken']);
  });

  it('appears in JSON as suppressedMessages and in SARIF as an inSource suppression with the justification', async () => {
    const result = await lintPolicy(policy('<!-- aimslint-disable-next-line link/broken -- procedure is drafted in PR 212 -->'));
    const options = { color: false, docsBaseUrl: 'https://example.org/rules', toolVersion: '0.0.0' };
    const [file] = JSON.parse(json(result, options)) as { messages: unknown[]; suppressedMessages: { ruleId: string; line: number; suppressions: unknown[] }[] }[];
    expect(file?.messages).toEqual([]);
    expect(file?.suppressedMessages.map(({ ruleId, line, suppressions }) => ({ ruleId, line, suppressions }))).toEqual([{ ruleId: 'link/broken', line: 12, suppressions: [{ kind: 'directive', justification: 'procedure is drafted in PR 212' }] }]);
    const log = JSON.parse(sarif(result, options)) as { runs: { results: { ruleId: string; suppressions?: unknown[] }[] }[] };
    expect(log.runs[0]?.results.map(({ ruleId, suppressions }) => ({ ruleId, suppressions }))).toEqual([{ ruleId: 'link/broken', suppressions: [{ kind: 'inSource', justification: 'procedure is drafted in PR 212' }] }]);
    // The official SARIF 2.1.0 schema accepts the suppressions.
    const schema = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
    const ajv = new Ajv.default({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
  });
});
