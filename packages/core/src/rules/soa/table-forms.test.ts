/**
 * SoA tables as organisations write them: other column names, a legend of
 * evidence keys, code-span paths, a combined "basis / evidence" column, and
 * a table that cannot be read, which is a finding rather than silence.
 */
import { describe, expect, it } from 'vitest';
import { controlsOf } from '../../catalog/index.js';
import { iso42001_2023 } from '../../catalog/iso42001-2023.js';
import { lintFiles } from '../../testing/lint-files.js';
import { md, testRule } from '../../testing/rule-tester.js';
import { SOA_HEAD, soaRepository } from './soa-fixtures.js';
import rule from './table-unmapped.js';

/** An approved SoA with a title and no table yet. */
const HEAD = `${SOA_HEAD}---
# Statement of Applicability
`;

const controls = controlsOf(iso42001_2023).map((control) => control.id);

/** `Control ID | Applicability | Implementation | Evidence`, evidence as legend keys and code spans, then the legend. Row i on line 17 + i. */
function legendSoa(evidenceOf: (control: string) => string = () => 'AIPOL'): string {
  const rows = controls.map((id) => `| ${id} | Applicable | Covered by the AI policy and its procedures. | ${evidenceOf(id)} |`);
  return `${HEAD}\n| Control ID | Applicability | Implementation | Evidence |\n|---|---|---|---|\n${rows.join('\n')}\n\n## Evidence legend\n\n| Key | Document |\n|---|---|\n| AIPOL | [AI policy](ai-policy.md) |\n| ROLES | Roles and responsibilities (aims/roles.md) |\n`;
}

const soaFindings = async (soa: string, config?: object) => {
  const files = { ...soaRepository(soa), ...(config ? { 'aimslint.config.json': JSON.stringify(config) } : {}) };
  const result = await lintFiles(files);
  return result.files.flatMap((file) => file.findings).filter((finding) => finding.ruleId.startsWith('soa/')).map((finding) => `${finding.ruleId} ${finding.range.line}:${finding.range.column} ${finding.message}`);
};

describe('SoA tables as people write them', () => {
  it('reads `Control ID | Applicability | Implementation | Evidence` with evidence keys from a legend', async () => {
    expect(await soaFindings(legendSoa())).toEqual([]);
  });

  it('resolves a legend key like the link it stands for, and reports it at the key when broken', async () => {
    const soa = legendSoa().replace('[AI policy](ai-policy.md)', '[AI policy](ai-policies.md)');
    const findings = await soaFindings(soa);
    expect(findings).toHaveLength(38);
    expect(findings[0]).toBe('soa/evidence-broken 17:71 The evidence `ai-policies.md` for A.2.2 cannot be found: `aims/ai-policies.md` does not exist.');
  });

  it('reads code-span paths as links, relative to the SoA', async () => {
    expect(await soaFindings(legendSoa(() => '`ai-policy.md`, `/aims/ai-policy.md`'))).toEqual([]);
    const broken = await soaFindings(legendSoa((id) => (id === 'A.2.2' ? '`policies/ai-policy.md`' : 'AIPOL')));
    expect(broken).toEqual(['soa/evidence-broken 17:72 The evidence `policies/ai-policy.md` for A.2.2 cannot be found: `aims/policies/ai-policy.md` does not exist.']);
  });

  it('reads `Control_ID`, `Applicable?` and a combined `Basis / evidence / remaining gap` column', async () => {
    const rows = controls.map((id) => `| ${id} | Yes | Board decision; see [AI policy](ai-policy.md); no gap. |`);
    const soa = `${HEAD}\n| Control_ID | Applicable? | Basis / evidence / remaining gap |\n|---|---|---|\n${rows.join('\n')}\n`;
    expect(await soaFindings(soa)).toEqual([]);
  });

  it('reads the columns the config names in `soa.columns`', async () => {
    const rows = controls.map((id) => `| ${id} | Ja | Richtlinie | POL-001 |`);
    const soa = `${HEAD}\n| Maßnahme | Anwendbar | Begründung | Nachweis |\n|---|---|---|---|\n${rows.join('\n')}\n`;
    const config = { soa: { columns: { applicable: 'Anwendbar', justification: 'Begründung', evidence: 'Nachweis' } } };
    // The control column is found by its ids; `Ja` is not yet read as yes, so only applicability is questioned.
    const findings = await soaFindings(soa, config);
    expect(findings.filter((finding) => !finding.startsWith('soa/evidence') && !finding.includes('Ja'))).toEqual([]);
    expect(findings.some((finding) => finding.startsWith('soa/control-missing'))).toBe(false);
  });
});

const unreadable = `${HEAD}\n| Control ID | Status | Notes |\n|---|---|---|\n${controls.map((id) => `| ${id} | Done | See policy |`).join('\n')}\n`;

testRule(rule, {
  valid: [
    { name: 'the usual columns', files: soaRepository(legendSoa()) },
    { name: 'a table without control ids is not an SoA table (a legend, a change log)', files: soaRepository(`${HEAD}\n| Key | Document |\n|---|---|\n| AIPOL | [AI policy](ai-policy.md) |\n`) },
    { name: 'a mapping in the config makes the table readable', config: { soa: { columns: { applicable: 'Status' } } }, files: soaRepository(unreadable) },
  ],
  invalid: [
    {
      name: 'a table of controls whose applicability column has another name',
      files: soaRepository(unreadable),
      errors: [{ file: 'aims/soa.md', line: 15, column: 3, message: 'This table lists Annex A controls, but no column reads as `applicable`; its columns are `Control ID`, `Status`, `Notes`. Rename that column, or name it in the config: `soa: {columns: {applicable: "Status"}}`.' }],
    },
  ],
});
