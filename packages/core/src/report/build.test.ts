import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../engine/lint.js';
import { baseRepository } from '../testing/fixtures.js';
import { md, writeRepository } from '../testing/rule-tester.js';
import { buildReport } from './build.js';
import type { AimsReport, ControlCoverage } from './types.js';

const ACME = fileURLToPath(new URL('../../../../examples/acme', import.meta.url));
const NOW = '2026-11-28';

const controlsOf = (report: AimsReport): ControlCoverage[] => report.objectives.flatMap((objective) => objective.controls);
const control = (report: AimsReport, id: string): ControlCoverage => {
  const found = controlsOf(report).find((candidate) => candidate.id === id);
  if (!found) throw new Error(`${id} is not in the report`);
  return found;
};
const verdict = (report: AimsReport, check: string): boolean | undefined => report.readiness.find((item) => item.check === check)?.ok;

/** Frontmatter of an approved document with the given extra lines; the body follows. */
const approved = (fields: string): string => [
  '---',
  fields,
  'owner: ROLE-AIMS-LEAD',
  'status: approved',
  'version: "1.0"',
  'approved_by: ROLE-AIMS-LEAD',
  'approved_on: 2026-01-10',
  'last_reviewed: 2026-01-10',
  'next_review: 2027-01-10',
  '---',
  '',
].join('\n');

/** A repository with one of each gap an auditor looks for. */
const BROKEN_REPOSITORY = {
  ...baseRepository(),
  'aims/soa.md': md`
    ---
    id: SOA-001
    type: soa
    title: Statement of Applicability
    owner: ROLE-AIMS-LEAD
    status: approved
    version: "1.0"
    approved_by: ROLE-AIMS-LEAD
    approved_on: 2026-01-10
    last_reviewed: 2026-01-10
    next_review: 2027-01-10
    entries:
      - control: A.2.2
        applicable: true
        justification: The board asks for it.
        implementation: Board-approved policy.
        evidence: [POL-001, ../procedures/draft.md]
      - control: A.2.3
        applicable: true
        justification: Overlaps with other policies.
        evidence: [../procedures/draft.md]
      - control: A.2.4
        applicable: true
        justification: Policies age.
        evidence: [ai-policy.md#no-such-heading]
      - control: A.3.2
        applicable: true
        justification: Roles matter.
        evidence: [../procedures/stale.md]
      - control: A.3.3
        applicable: true
        justification: Concerns must be heard.
      - control: A.4.2
        applicable: true
        justification: Resources are recorded outside Markdown.
        evidence: [../records/resources.csv]
      - control: A.4.3
        applicable: false
        justification: N/A
      - control: A.10.4
        applicable: false
        justification: We offer no AI system to customers.
    ---
    # Statement of Applicability
  `,
  'procedures/draft.md': md`
    ---
    id: PROC-DRAFT
    type: procedure
    title: Alignment procedure
    owner: ROLE-AIMS-LEAD
    status: draft
    version: "0.1"
    ---
    # Alignment procedure
  `,
  'procedures/stale.md': `${approved('id: PROC-STALE\ntype: procedure\ntitle: Role review').replace('next_review: 2027-01-10', 'next_review: 2026-06-01')}# Role review\n`,
  'records/resources.csv': 'system,gpu\nscoring,0\n',
  'systems/scoring/system.md': `${approved('id: AIS-SCORING\ntype: ai-system\ntitle: Scoring\npurpose: Scores applications.\nlifecycle_stage: deployed\nrisk_tier: high\nsuppliers: [SUP-NOBODY]')}# Scoring\n`,
  'systems/scoring/model-card.md': `${approved('id: MC-SCORING\ntype: model-card\ntitle: Scoring model card\nsystem: AIS-SCORING')}# Scoring model card\n`,
  'systems/scoring/risk-assessment.md': `${approved('id: RA-SCORING\ntype: risk-assessment\ntitle: Scoring risks\nsystem: AIS-SCORING')}# Scoring risks\n`,
  'systems/chat/system.md': `${approved('id: AIS-CHAT\ntype: ai-system\ntitle: Chat\npurpose: Answers questions.\nlifecycle_stage: design\nrisk_tier: limited')}# Chat\n`,
};

describe('buildReport on the example repository', () => {
  let report: AimsReport;
  beforeAll(async () => {
    report = buildReport(await lint({ cwd: ACME, now: NOW }));
  });

  it('lists every one of the 38 Annex A controls once, in catalog order', () => {
    const ids = controlsOf(report).map((item) => item.id);
    expect(ids).toHaveLength(38);
    expect(new Set(ids).size).toBe(38);
    expect(ids.slice(0, 3)).toEqual(['A.2.2', 'A.2.3', 'A.2.4']);
    expect(ids.at(-1)).toBe('A.10.4');
    expect(report.objectives.map((objective) => objective.id)).toEqual(['A.2', 'A.3', 'A.4', 'A.5', 'A.6', 'A.7', 'A.8', 'A.9', 'A.10']);
  });

  it('shows A.10.4 as excluded with its justification', () => {
    const customers = control(report, 'A.10.4');
    expect(customers.state).toBe('excluded');
    expect(customers.title).toBe('Customers');
    expect(customers.justification).toMatch(/^Acme provides no AI system, model or AI-based service/);
  });

  it('counts implemented controls per objective and in total', () => {
    expect(report.summary.controls).toEqual({ total: 38, implemented: 36, applicable: 36, partial: 0, planned: 0, excluded: 2, excludedUnjustified: 0, notStated: 0 });
    const resources = report.objectives.find((objective) => objective.id === 'A.4');
    expect(resources).toMatchObject({ implemented: 4, applicable: 4, excluded: 1, unresolved: 0 });
    expect(control(report, 'A.2.2')).toMatchObject({ state: 'implemented', implementation: expect.stringMatching(/^Board-approved AI policy/) });
    expect(control(report, 'A.2.2').evidence.map((item) => [item.text, item.state, item.target])).toEqual([
      ['ai-policy.md#principles', 'current', 'aims/ai-policy.md#principles'],
      ['POL-001', 'current', 'aims/ai-policy.md'],
    ]);
  });

  it('reports the inventory, clauses and a readiness verdict for each check', () => {
    expect(report.inventory.map((system) => [system.document.id, system.lifecycleStage, system.complete])).toEqual([
      ['AIS-CREDIT-SCORING', 'deployed', true],
      ['AIS-FRAUD-DETECTION', 'deployed', true],
      ['AIS-SUPPORT-CHATBOT', 'development', true],
    ]);
    expect(report.clauses.every((clause) => clause.present)).toBe(true);
    expect(report.readiness.map((item) => item.check)).toEqual(['soa-complete', 'evidence-current', 'inventory-complete', 'required-documents', 'no-errors']);
    expect(verdict(report, 'soa-complete')).toBe(true);
    expect(verdict(report, 'no-errors')).toBe(report.summary.errors === 0);
  });

  it('is plain data: a JSON round trip changes nothing', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('names the repository by its folder, never by a path of this machine', () => {
    expect(report.summary.name).toBe('acme');
    expect(JSON.stringify(report)).not.toContain(ACME);
  });
});

/** A complete, approved SoA in table form whose rows the cases below change. */
const soaTable = (status: string, rows: (id: string) => string): string => [
  approved('id: SOA-001\ntype: soa\ntitle: Statement of Applicability').replace('status: approved', `status: ${status}`),
  '# Statement of Applicability',
  '',
  '| Control | Applicable | Justification | Evidence |',
  '|---|---|---|---|',
  ...['A.2.2', 'A.2.3', 'A.2.4'].map(rows),
  '',
].join('\n');

async function reportOf(files: Record<string, string>): Promise<AimsReport> {
  const root = writeRepository(files);
  try {
    return buildReport(await lint({ cwd: root, now: NOW }));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('buildReport: readiness is not claimed on drafts, words or nothing', () => {
  it('a draft SoA fails "SoA complete" and says so', async () => {
    const report = await reportOf({ ...baseRepository(), 'aims/soa.md': soaTable('draft', (id) => `| ${id} | yes | Needed. | POL-001 |`) });
    expect(report.readiness.find((item) => item.check === 'soa-complete')?.detail).toContain('The Statement of Applicability is not approved: aims/soa.md (draft)');
  });

  it('zero evidence items fail "All evidence current"', async () => {
    const report = await reportOf({ ...baseRepository(), 'aims/soa.md': soaTable('approved', (id) => `| ${id} | no | We build no such thing. | |`) });
    expect(report.readiness.find((item) => item.check === 'evidence-current')).toMatchObject({ ok: false, detail: expect.stringContaining('cites no evidence at all') });
  });

  it('reads N/A as excluded, Partial and Planned as applicable gaps, and an unknown word as not stated', async () => {
    const words: Record<string, string> = { 'A.2.2': 'N/A', 'A.2.3': 'Partial', 'A.2.4': 'Planned' };
    const report = await reportOf({ ...baseRepository(), 'aims/soa.md': soaTable('approved', (id) => `| ${id} | ${words[id]} | We have our reasons. | POL-001 |`) });
    expect(['A.2.2', 'A.2.3', 'A.2.4'].map((id) => [control(report, id).state, control(report, id).applicable])).toEqual([['excluded', false], ['partial', true], ['planned', true]]);
    expect(report.summary.controls).toMatchObject({ applicable: 2, partial: 1, planned: 1, implemented: 0 });
    const soa = report.readiness.find((item) => item.check === 'soa-complete')?.detail;
    expect(soa).toContain('only partly implemented: A.2.3');
    expect(soa).toContain('planned, not yet implemented: A.2.4');
    const maybe = await reportOf({ ...baseRepository(), 'aims/soa.md': soaTable('approved', (id) => `| ${id} | maybe | We have our reasons. | POL-001 |`) });
    expect(control(maybe, 'A.2.2')).toMatchObject({ state: 'not-stated', applicable: undefined });
    expect(maybe.findings.find((group) => group.ruleId === 'soa/applicability-unknown')?.findings.map((finding) => [finding.file, finding.line, finding.column])).toEqual([['aims/soa.md', 18, 11], ['aims/soa.md', 19, 11], ['aims/soa.md', 20, 11]]);
  });

  it('a draft provider is "present, not approved", a gap in "Required documents present"', async () => {
    const draftPolicy = baseRepository()['aims/ai-policy.md']?.replace('status: approved', 'status: draft') ?? '';
    const report = await reportOf({ ...baseRepository(), 'aims/ai-policy.md': draftPolicy });
    expect(report.clauses.find((clause) => clause.id === '5.2')).toMatchObject({ present: true, approved: false });
    expect(report.readiness.find((item) => item.check === 'required-documents')?.detail).toContain('present, not approved for clause 5.2');
  });
});

describe('buildReport on a repository with gaps', () => {
  let root: string;
  let report: AimsReport;
  beforeAll(async () => {
    root = writeRepository(BROKEN_REPOSITORY);
    report = buildReport(await lint({ cwd: root, now: NOW }));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('counts a control with one current item as implemented, and names the draft beside it', () => {
    expect(control(report, 'A.2.2').state).toBe('implemented');
    expect(control(report, 'A.2.2').evidence.map((item) => item.state)).toEqual(['current', 'unapproved']);
  });

  it('shows draft, broken, stale and absent evidence as evidence gaps', () => {
    expect(control(report, 'A.2.3')).toMatchObject({ state: 'evidence-gap', evidence: [{ state: 'unapproved', document: { id: 'PROC-DRAFT', status: 'draft' } }] });
    const missingAnchor = control(report, 'A.2.4');
    expect(missingAnchor.state).toBe('evidence-gap');
    expect(missingAnchor.evidence[0]).toMatchObject({ state: 'broken', target: 'aims/ai-policy.md#no-such-heading', reason: expect.stringContaining('#no-such-heading') });
    expect(control(report, 'A.3.2')).toMatchObject({ state: 'evidence-gap', evidence: [{ state: 'stale' }] });
    expect(control(report, 'A.3.3')).toMatchObject({ state: 'evidence-gap', evidence: [] });
  });

  it('counts an existing non-document file as evidence', () => {
    expect(control(report, 'A.4.2')).toMatchObject({ state: 'implemented', evidence: [{ state: 'file', target: 'records/resources.csv' }] });
  });

  it('tells justified from unjustified exclusions, and marks unstated controls', () => {
    expect(control(report, 'A.4.3').state).toBe('excluded-unjustified');
    expect(control(report, 'A.10.4').state).toBe('excluded');
    expect(control(report, 'A.6.2.4')).toMatchObject({ state: 'not-stated', applicable: undefined, evidence: [], soaPath: undefined });
    expect(report.objectives.find((objective) => objective.id === 'A.2')).toMatchObject({ implemented: 1, applicable: 3 });
  });

  it('shows the deployed system without an impact assessment and its unassessed supplier', () => {
    const scoring = report.inventory.find((system) => system.document.id === 'AIS-SCORING');
    expect(scoring).toMatchObject({ lifecycleStage: 'deployed', riskTier: 'high', artefactsRequired: true, complete: false });
    expect(scoring?.artefacts.map((artefact) => [artefact.type, artefact.state])).toEqual([
      ['model-card', 'current'],
      ['risk-assessment', 'current'],
      ['impact-assessment', 'missing'],
    ]);
    expect(scoring?.suppliers).toEqual([{ id: 'SUP-NOBODY', assessed: false, assessment: undefined }]);
    const chat = report.inventory.find((system) => system.document.id === 'AIS-CHAT');
    expect(chat).toMatchObject({ artefactsRequired: false, complete: true });
  });

  it('lists missing clauses and fails the readiness checks', () => {
    expect(report.clauses.find((clause) => clause.id === '5.2')).toMatchObject({ present: true, approved: true, providers: [{ id: 'POL-001', status: 'approved' }] });
    expect(report.clauses.find((clause) => clause.id === '9.2.2')).toMatchObject({ present: false, approved: false, providers: [] });
    expect(report.readiness.every((item) => !item.ok)).toBe(true);
    const soa = report.readiness.find((item) => item.check === 'soa-complete');
    expect(soa?.detail).toContain('excluded without a justification: A.4.3');
    expect(soa?.detail).toContain('applicable but listing no evidence: A.3.3');
  });

  it('groups findings by rule, in rule order', () => {
    const rules = report.findings.map((group) => group.ruleId);
    expect(rules).toEqual(expect.arrayContaining(['soa/control-missing', 'soa/evidence-unapproved', 'soa/evidence-broken', 'inventory/incomplete']));
    expect(rules.indexOf('soa/control-missing')).toBeLessThan(rules.indexOf('inventory/incomplete'));
    const missing = report.findings.find((group) => group.ruleId === 'soa/control-missing');
    expect(missing?.findings).toHaveLength(30);
    expect(missing?.errors).toBe(30);
  });
});

describe('buildReport without a Statement of Applicability', () => {
  it('marks every control not stated and says there is no SoA', async () => {
    const root = writeRepository(baseRepository());
    try {
      const report = buildReport(await lint({ cwd: root, now: NOW }));
      expect(controlsOf(report).every((item) => item.state === 'not-stated')).toBe(true);
      expect(report.summary.soaDocuments).toEqual([]);
      expect(report.readiness.find((item) => item.check === 'soa-complete')).toMatchObject({ ok: false, detail: expect.stringContaining('no Statement of Applicability') });
      expect(verdict(report, 'evidence-current')).toBe(false);
      expect(verdict(report, 'inventory-complete')).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
