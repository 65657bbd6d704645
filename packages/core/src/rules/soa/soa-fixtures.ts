import { controlsOf } from '../../catalog/index.js';
import { iso42001_2023 } from '../../catalog/iso42001-2023.js';
import { POLICY_DOC, ROLES_DOC } from '../../testing/fixtures.js';
import type { Files } from '../../testing/rule-tester.js';

/** One SoA line, written the same way in either form. */
export interface EntrySpec {
  control: string;
  applicable: boolean;
  justification?: string;
  /** Links (relative to aims/soa.md) or document ids. */
  evidence?: string[];
}

const isId = (item: string): boolean => /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/.test(item);

/** All 38 controls, applicable, each evidenced by the approved policy. */
export function completeEntries(): EntrySpec[] {
  return controlsOf(iso42001_2023).map((control) => ({ control: control.id, applicable: true, evidence: ['POL-001'] }));
}

export function withEntry(entries: EntrySpec[], control: string, change: Partial<EntrySpec> | null): EntrySpec[] {
  return entries.flatMap((entry) => (entry.control !== control ? [entry] : change === null ? [] : [{ ...entry, ...change }]));
}

/** The approved SoA's frontmatter up to (not including) its closing `---`. */
export const SOA_HEAD = `---
id: SOA-001
type: soa
title: Statement of Applicability
owner: ROLE-AIMS-LEAD
status: approved
version: "1.0"
approved_by: ROLE-AIMS-LEAD
approved_on: 2026-02-01
last_reviewed: 2026-02-01
next_review: 2027-02-01
`;

/** The SoA with its entries in the frontmatter only. Line of entry i's `control`: 13 + 4i. */
export function frontmatterForm(entries: EntrySpec[]): string {
  const lines = entries.map((entry) => [
    `  - control: ${entry.control}`,
    `    applicable: ${entry.applicable}`,
    `    justification: ${JSON.stringify(entry.justification ?? '')}`,
    `    evidence: [${(entry.evidence ?? []).map((item) => JSON.stringify(item)).join(', ')}]`,
  ].join('\n'));
  return `${SOA_HEAD}entries:\n${lines.join('\n')}\n---\n# Statement of Applicability\n`;
}

/** The SoA with its entries in a body table only. Row i is on line 17 + i. */
export function tableForm(entries: EntrySpec[]): string {
  const rows = entries.map((entry) => {
    const evidence = (entry.evidence ?? []).map((item) => (isId(item) ? item : `[evidence](${item})`)).join(', ');
    return `| ${entry.control} | ${entry.applicable ? 'yes' : 'no'} | ${entry.justification ?? ''} | ${evidence} |`;
  });
  return `${SOA_HEAD}---\n# Statement of Applicability\n\n| Control | Applicable | Justification | Evidence |\n|---|---|---|---|\n${rows.join('\n')}\n`;
}

/** A repository around an SoA: roles, the approved policy that evidences everything. */
export function soaRepository(soa: string, extra: Files = {}): Files {
  return { 'aims/roles.md': ROLES_DOC, 'aims/ai-policy.md': POLICY_DOC, 'aims/soa.md': soa, ...extra };
}
