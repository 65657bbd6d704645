import { describe, expect, it } from 'vitest';
import type { Finding } from '../../model.js';
import { md } from '../../testing/rule-tester.js';
import { lintFiles } from '../../testing/lint-files.js';
import { completeEntries, frontmatterForm, soaRepository, tableForm, withEntry, type EntrySpec } from './soa-fixtures.js';

const DRAFT_PROCEDURE = md`
  ---
  id: PROC-DRAFT
  type: procedure
  title: Escalation (draft)
  owner: ROLE-AIMS-LEAD
  status: draft
  version: "0.1"
  controls: [A.3.3]
  ---
  # Escalation
`;

/** A Statement of Applicability with one of every SoA mistake. */
function brokenEntries(): EntrySpec[] {
  let entries = completeEntries();
  entries = withEntry(entries, 'A.7.5', null);
  entries = withEntry(entries, 'A.10.4', { applicable: false, justification: 'N/A', evidence: [] });
  entries = withEntry(entries, 'A.10.3', { applicable: false, justification: '', evidence: [] });
  entries = withEntry(entries, 'A.8.2', { evidence: [] });
  entries = withEntry(entries, 'A.3.3', { evidence: ['PROC-DRAFT', '../procedures/missing.md', 'ai-policy.md#nowhere', 'POL-404'] });
  return [...entries, { control: 'A.10.1', applicable: true, evidence: ['POL-001'] }, { control: 'A.2.2', applicable: true, evidence: ['POL-001'] }];
}

const SOA_RULES = /^soa\//;
/** A finding without where it is: the rule, and the message with the form's name and line numbers masked. */
const withoutPosition = (finding: Finding): string =>
  `${finding.ruleId}: ${finding.message.replace(/the frontmatter `entries`|the table/g, '<form>').replace(/line \d+/g, 'line <n>')}`;

async function soaFindings(soa: string): Promise<Finding[]> {
  const result = await lintFiles(soaRepository(soa, { 'procedures/escalation.md': DRAFT_PROCEDURE }));
  return result.files.flatMap((file) => file.findings).filter((finding) => SOA_RULES.test(finding.ruleId));
}

describe('the two SoA forms', () => {
  it('give the same findings for the same content, each at its own position', async () => {
    const fromFrontmatter = await soaFindings(frontmatterForm(brokenEntries()));
    const fromTable = await soaFindings(tableForm(brokenEntries()));
    expect(fromFrontmatter.map(withoutPosition).sort()).toEqual(fromTable.map(withoutPosition).sort());
    expect(new Set(fromFrontmatter.map((finding) => finding.ruleId))).toEqual(new Set([
      'soa/control-missing', 'soa/control-unknown', 'soa/control-duplicate', 'soa/exclusion-unjustified',
      'soa/evidence-missing', 'soa/evidence-broken', 'soa/evidence-unapproved', 'soa/excluded-but-claimed',
    ]));
    const lines = (findings: Finding[]) => new Set(findings.map((finding) => finding.range.line));
    expect(lines(fromFrontmatter)).not.toEqual(lines(fromTable));
  });
});
