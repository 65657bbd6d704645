/**
 * The broken example repositories: every finding aimslint reports there,
 * pinned by rule, file, line and column (and a word of the message where
 * several findings share a place). Each row is a mistake the example's
 * README describes.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '@aimslint/core';
import { EXAMPLES, NOW } from './example-repository.js';

type Row = [ruleId: string, file: string, line: number, column: number, messageIncludes?: string];

async function rowsOf(example: string): Promise<Row[]> {
  const result = await lint({ cwd: join(EXAMPLES, example), now: NOW });
  return result.files.flatMap((file) => file.findings.map((finding): Row => [finding.ruleId, finding.file, finding.range.line, finding.range.column, finding.message]));
}

function expectRows(actual: Row[], expected: Row[]): void {
  expect(actual.map(([rule, file, line, column]) => [rule, file, line, column])).toEqual(expected.map(([rule, file, line, column]) => [rule, file, line, column]));
  expected.forEach(([, , , , words], i) => {
    if (words !== undefined) expect(actual[i]?.[4]).toContain(words);
  });
}

describe('examples/broken-basics: document-level mistakes', () => {
  it('reports exactly these findings', async () => {
    expectRows(await rowsOf('broken-basics'), [
      ['schema/invalid', 'aims/ai-policy.md', 6, 9, 'found `aproved`. Did you mean `approved`?'],
      ['schema/invalid', 'aims/ai-policy.md', 7, 10, 'Put it in quotes: `"1.10"`'],
      ['schema/invalid', 'aims/ai-policy.md', 8, 1, '`ownr` is not a field'],
      ['frontmatter/syntax', 'aims/legacy-policy.md', 1, 1, 'marked as `js`'],
      ['frontmatter/missing', 'aims/notes.md', 1, 1],
      ['review/overdue', 'aims/objectives.md', 11, 14, '2026-09-15'],
      ['content/placeholder', 'aims/objectives.md', 16, 55, '`TBD`'],
      ['frontmatter/syntax', 'aims/scope.md', 5, 1, 'appears twice'],
      ['model-card/section-missing', 'systems/claims-triage/model-card.md', 1, 1, '`## Human oversight`'],
      ['ref/unresolved', 'systems/claims-triage/model-card.md', 8, 9, 'Did you mean `AIS-CLAIMS-TRIAGE`?'],
      ['link/broken', 'systems/claims-triage/model-card.md', 15, 1, '`aims/oversight.md`'],
      ['link/broken', 'systems/claims-triage/model-card.md', 23, 41, '`#training-data`'],
      ['id/duplicate', 'systems/claims-triage/risk.md', 2, 5, 'systems/claims-triage/model-card.md:2'],
      ['schema/type-unknown', 'systems/claims-triage/risk.md', 3, 7, 'Did you mean `risk-assessment`?'],
      ['ref/unresolved', 'systems/claims-triage/system.md', 5, 8, '`ROLE-CLAIMS-LEAD`'],
    ]);
  });
});

describe('examples/broken-soa: certification gaps', () => {
  it('reports exactly these findings', async () => {
    expectRows(await rowsOf('broken-soa'), [
      ['roles/untrained', 'aims/roles.md', 14, 9, 'Nora Lindqvist holds ROLE-AIMS-LEAD'],
      ['roles/unstaffed', 'aims/roles.md', 18, 9, 'ROLE-CLINICAL-SAFETY'],
      ['aims/required-document', 'aims/scope.md', 1, 1, 'Clause 6.1.4'],
      ['aims/required-document', 'aims/scope.md', 1, 1, 'Clause 8.4'],
      ['aims/required-document', 'aims/scope.md', 1, 1, 'Clause 9.1'],
      ['aims/required-document', 'aims/scope.md', 1, 1, 'Clause 9.2.2'],
      ['aims/required-document', 'aims/scope.md', 1, 1, 'Clause 9.3.3'],
      ['aims/required-document', 'aims/scope.md', 1, 1, 'Clause 10.2'],
      ['soa/control-missing', 'aims/soa.md', 19, 1, 'A.7.5 (Data provenance)'],
      ['soa/control-duplicate', 'aims/soa.md', 23, 3, 'A.2.3 is stated twice'],
      ['soa/evidence-stale', 'aims/soa.md', 26, 52, 'due for review on 2026-01-10'],
      ['soa/evidence-broken', 'aims/soa.md', 42, 54, '#alert-thresholds'],
      ['soa/evidence-missing', 'aims/soa.md', 49, 51, 'A.8.2'],
      ['soa/evidence-unapproved', 'aims/soa.md', 53, 52, 'is `draft`'],
      ['soa/exclusion-unjustified', 'aims/soa.md', 58, 17, '"N/A"'],
      ['soa/control-unknown', 'aims/soa.md', 59, 3, 'Did you mean A.10.2?'],
      ['review/overdue', 'procedures/concerns.md', 11, 14],
      ['soa/excluded-but-claimed', 'procedures/escalation.md', 8, 19, 'A.10.4'],
      ['inventory/incomplete', 'systems/triage-assistant.md', 13, 18, 'has no impact-assessment'],
      ['supplier/unassessed', 'systems/triage-assistant.md', 15, 13, '`SUP-SPEECH`'],
    ]);
  });
});

describe('examples/broken-eu-ai-act: AI systems against their EU AI Act profile', () => {
  it('reports exactly these findings', async () => {
    expectRows(await rowsOf('broken-eu-ai-act'), [
      ['eu-ai-act/transparency-notice', 'systems/applicant-chat/system.md', 15, 36, 'people must be told they are dealing with AI (Article 50, whose duties have applied since 2026-08-02)'],
      ['eu-ai-act/high-risk-documents', 'systems/cv-screening/model-card.md', 1, 1, 'has no heading `Standards applied`, `EU declaration of conformity`'],
      ['eu-ai-act/high-risk-documents', 'systems/cv-screening/system.md', 15, 36, 'risk-assessment.md is `draft`; have it approved. These obligations apply from 2027-12-02.'],
      ['eu-ai-act/high-risk-documents', 'systems/cv-screening/system.md', 15, 36, 'needs a post-market monitoring plan (EU-AI-ACT:Art.72)'],
      ['eu-ai-act/prohibited', 'systems/emotion-monitor/system.md', 15, 36, 'prohibited AI practice under the EU AI Act (Article 5), whose bans have applied since 2025-02-02'],
      ['framework/item-unknown', 'systems/shift-planner/fria.md', 13, 37, 'NIST-AI-RMF:MAP-5.3 is not an item of NIST AI RMF 1.0, so this document evidences nothing with it. Did you mean NIST-AI-RMF:MAP-5.1?'],
    ]);
  });
});
