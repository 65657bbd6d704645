/**
 * The certification checks on a realistic repository: the clean Acme example,
 * and one typical mistake at a time, each pinned to the exact findings.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, findingsAfterEdits, pinnedFindings, type Edit, type Pinned } from './example-repository.js';

const SOA = 'aims/soa.md';
const soaEdit = (change: (text: string) => string): Edit => ({ file: SOA, change });
const withoutTableRow = (control: string) => (text: string) => text.replace(new RegExp(`^\\| ${control.replace(/\./g, '\\.')} \\|.*\\n`, 'm'), '');
const withoutEntry = (control: string) => (text: string) => text.replace(new RegExp(`  - control: ${control.replace(/\./g, '\\.')}\\n(    .*\\n)+`), '');

const CASES: { name: string; edits: Edit[]; expected: Pinned[] }[] = [
  {
    name: 'removing one SoA row from both forms: the control is missing, said at `entries`',
    edits: [soaEdit((text) => withoutEntry('A.7.5')(withoutTableRow('A.7.5')(text)))],
    expected: [['soa/control-missing', SOA, 14, 1]],
  },
  {
    name: 'removing one SoA row from the table only: the forms disagree, said at the frontmatter entry',
    edits: [soaEdit(withoutTableRow('A.7.5'))],
    expected: [['soa/control-duplicate', SOA, 143, 14]],
  },
  {
    name: 'blanking the justification of the excluded A.10.4 in both forms',
    edits: [soaEdit((text) => text
      .replace(/(\| A\.10\.4 \| Customers \| no \|)[^|]*\|/, '$1  |')
      .replace(/(control: A\.10\.4\n {4}applicable: false\n {4}justification:).*/, '$1 ""'))],
    expected: [['soa/exclusion-unjustified', SOA, 200, 5], ['soa/exclusion-unjustified', SOA, 250, 28]],
  },
  {
    name: 'pointing evidence at a draft model card (which also does not list the control)',
    edits: [soaEdit((text) => text.replaceAll('../systems/credit-scoring/system.md#intended-use', '../systems/support-chatbot/model-card.md'))],
    expected: [
      ['soa/evidence-backlink', SOA, 187, 16], ['soa/evidence-unapproved', SOA, 187, 16],
      ['soa/evidence-backlink', SOA, 247, 107], ['soa/evidence-unapproved', SOA, 247, 107],
    ],
  },
  {
    name: 'pointing evidence at a heading the document does not have',
    edits: [soaEdit((text) => text.replaceAll('../procedures/data-quality.md#provenance', '../procedures/data-quality.md#lineage'))],
    expected: [['soa/evidence-broken', SOA, 147, 16], ['soa/evidence-broken', SOA, 239, 82]],
  },
  {
    name: 'pointing evidence at a file outside the repository',
    edits: [soaEdit((text) => text.replaceAll('../procedures/data-quality.md#provenance', '../../outside.md'))],
    expected: [['soa/evidence-broken', SOA, 147, 16], ['soa/evidence-broken', SOA, 239, 82]],
  },
  {
    name: 'moving the credit-scoring model card back to draft',
    edits: [{ file: 'systems/credit-scoring/model-card.md', change: (text) => text.replace('status: approved', 'status: draft') }],
    expected: [
      ['soa/evidence-unapproved', SOA, 102, 59], ['soa/evidence-unapproved', SOA, 107, 75], ['soa/evidence-unapproved', SOA, 122, 16],
      ['soa/evidence-unapproved', SOA, 157, 16], ['soa/evidence-unapproved', SOA, 230, 193], ['soa/evidence-unapproved', SOA, 231, 208],
      ['soa/evidence-unapproved', SOA, 234, 121], ['soa/evidence-unapproved', SOA, 241, 124],
      ['inventory/incomplete', 'systems/credit-scoring/system.md', 13, 18],
      // Issue 13: credit scoring is a high-risk EU AI Act system, and its model card is its technical documentation (Art. 11) and human oversight section (Art. 14).
      ['eu-ai-act/high-risk-documents', 'systems/credit-scoring/system.md', 16, 36], ['eu-ai-act/high-risk-documents', 'systems/credit-scoring/system.md', 16, 36],
    ],
  },
];

describe('examples/acme', () => {
  it('lints clean', async () => {
    expect(await pinnedFindings(join(EXAMPLES, 'acme'))).toEqual([]);
  });
  for (const { name, edits, expected } of CASES) {
    it(name, async () => {
      expect(await findingsAfterEdits('acme', edits)).toEqual(expected);
    });
  }
});
