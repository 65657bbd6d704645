import type { Crosswalk, CrosswalkRow } from './types.js';

const NIST_CROSSWALK = 'nist-crosswalk';

/**
 * `B.6.2.4` as the crosswalk writes it (against the FDIS, whose Annex B became
 * Annex A of the published ISO/IEC 42001:2023) to `A.6.2.4`.
 */
const annexA = (fdisIds: string): string[] => fdisIds.split(' ').map((id) => id.replace(/^B\./, 'A.'));

function row(item: string, fdisIds: string): CrosswalkRow {
  return { item: `NIST-AI-RMF:${item}`, controls: annexA(fdisIds), source: NIST_CROSSWALK, at: item.replace('-', ' ') };
}

/**
 * NIST AI RMF 1.0 subcategories to ISO/IEC 42001:2023 Annex A controls, as
 * NIST's published crosswalk maps them. Only its Annex B (now Annex A) targets
 * are kept: clause targets (4.1, 6.1.2, ...) are not controls a document lists.
 */
export const nistAiRmfToIso42001: Crosswalk = {
  framework: 'nist-ai-rmf:1.0',
  catalog: 'iso42001:2023',
  sources: {
    [NIST_CROSSWALK]: {
      title: 'NIST AI RMF to ISO/IEC FDIS 42001 AI Management System Crosswalk',
      publisher: 'National Institute of Standards and Technology (NIST), AI Resource Center',
      url: 'https://airc.nist.gov/docs/NIST_AI_RMF_to_ISO_IEC_42001_Crosswalk.pdf',
      section: 'Crosswalk table, the row of each AI RMF subcategory (ISO/IEC FDIS 42001 Annex B column)',
    },
  },
  note:
    'Subcategories the crosswalk maps only to clauses (GOVERN 1.3-1.5, 2.2, 2.3; MAP 1.3, 1.5; MEASURE 1.1, 3.1; MANAGE 1.2, 1.3, 2.3) have no row. ' +
    'Two targets whose id and title disagree in the crosswalk are left out: B.2.2 titled "Customers" under MAP 1.4, and B.3.2 titled "Management review inputs" under GOVERN 3.2.',
  rows: [
    row('GOVERN-1.1', 'B.2.2 B.2.4'),
    row('GOVERN-1.2', 'B.9.3 B.6.1.2 B.6.1.3 B.10.3 B.2.2'),
    row('GOVERN-1.6', 'B.4.5 B.4.3 B.4.4 B.4.6 B.4.2'),
    row('GOVERN-1.7', 'B.6.2.6'),
    row('GOVERN-2.1', 'B.3.2'),
    row('GOVERN-3.1', 'B.4.6 B.5.4'),
    row('GOVERN-3.2', 'B.6.1.3 B.9.3 B.4.6 B.5.3'),
    row('GOVERN-4.1', 'B.5.2 B.6.1.2 B.6.1.3 B.9.2 B.9.3 B.10.3 B.5.4'),
    row('GOVERN-4.2', 'B.5.4 B.8.5 B.5.5'),
    row('GOVERN-4.3', 'B.6.2.4 B.6.2.6 B.6.2.7 B.8.2 B.8.3 B.8.4 B.8.5 B.6.1.2 B.6.1.3'),
    row('GOVERN-5.1', 'B.10.4 B.5.3 B.5.4 B.8.3'),
    row('GOVERN-5.2', 'B.8.3 B.10.4 B.5.4 B.5.5 B.6.1.3 B.6.2.6'),
    row('GOVERN-6.1', 'B.10.2 B.10.3'),
    row('GOVERN-6.2', 'B.10.2 B.10.3'),
    row('MAP-1.1', 'B.5.2 B.5.3 B.5.4 B.5.5'),
    row('MAP-1.2', 'B.4.6'),
    row('MAP-1.4', 'B.5.2 B.9.4 B.6.2.2'),
    row('MAP-1.6', 'B.6.2.2 B.5.4 B.5.5'),
    row('MAP-2.1', 'B.6.2.3 B.4.2 B.4.3 B.4.4 B.4.5 B.4.6'),
    row('MAP-2.2', 'B.6.2.7 B.9.3 B.8.2'),
    row('MAP-2.3', 'B.6.1.3 B.6.2.7 B.7.2 B.7.3 B.7.4 B.7.5 B.7.6 B.6.2.4'),
    row('MAP-3.1', 'B.5.2 B.5.3 B.5.4 B.5.5'),
    row('MAP-3.2', 'B.5.2 B.5.3 B.5.4 B.5.5'),
    row('MAP-3.3', 'B.5.2 B.5.3 B.5.4 B.5.5'),
    row('MAP-3.4', 'B.4.6'),
    row('MAP-3.5', 'B.6.1.3 B.6.2.7 B.8.2'),
    row('MAP-4.1', 'B.2.2 B.9.2 B.9.4'),
    row('MAP-4.2', 'B.6.2.7 B.8.2 B.10.3'),
    row('MAP-5.1', 'B.5.2'),
    row('MAP-5.2', 'B.6.1.3 B.6.2.6 B.8.3'),
    row('MEASURE-1.2', 'B.6.2.4 B.5.4 B.5.2 B.5.5'),
    row('MEASURE-1.3', 'B.5.2 B.5.4 B.5.5'),
    row('MEASURE-2.1', 'B.8.4 B.6.2.4 B.6.2.7 B.4.2'),
    row('MEASURE-2.2', 'B.6.2.4'),
    row('MEASURE-2.3', 'B.7.4 B.6.2.6'),
    row('MEASURE-2.4', 'B.6.2.6 B.6.2.8'),
    row('MEASURE-2.5', 'B.6.2.4 B.6.2.5 B.6.2.7 B.8.2'),
    row('MEASURE-2.6', 'B.6.2.8 B.6.2.6 B.6.2.4'),
    row('MEASURE-2.7', 'B.7.2 B.3.2 B.2.3 B.5.2 B.6.1.2 B.6.2.3 B.9.3'),
    row('MEASURE-2.8', 'B.7.2 B.5.4 B.5.5 B.6.1.2 B.9.3'),
    row('MEASURE-2.9', 'B.7.5 B.6.2.5 B.6.2.7 B.8.2'),
    row('MEASURE-2.10', 'B.5.2 B.7.2 B.7.3 B.2.3'),
    row('MEASURE-2.11', 'B.5.5 B.5.4'),
    row('MEASURE-2.12', 'B.5.5 B.4.5'),
    row('MEASURE-2.13', 'B.6.2.4 B.6.2.6'),
    row('MEASURE-3.2', 'B.6.2.8 B.6.2.6'),
    row('MEASURE-3.3', 'B.8.2 B.8.4 B.8.3'),
    row('MEASURE-4.1', 'B.6.2.4 B.5.4 B.5.5'),
    row('MEASURE-4.2', 'B.8.2 B.8.3'),
    row('MEASURE-4.3', 'B.6.2.6 B.6.2.7'),
    row('MANAGE-1.1', 'B.9.3 B.9.2 B.9.4 B.6.1.3 B.6.2.4'),
    row('MANAGE-1.4', 'B.5.3 B.5.4 B.6.2.7 B.8.2'),
    row('MANAGE-2.1', 'B.4.2'),
    row('MANAGE-2.2', 'B.3.3 B.6.1.2 B.6.1.3 B.6.2.4 B.6.2.6 B.7.2'),
    row('MANAGE-2.4', 'B.9.4 B.8.2 B.6.2.7 B.6.1.3'),
    row('MANAGE-3.1', 'B.10.3 B.10.2'),
    row('MANAGE-3.2', 'B.4.4 B.6.2.6'),
    row('MANAGE-4.1', 'B.6.2.6 B.8.3 B.10.4'),
    row('MANAGE-4.2', 'B.6.2.4 B.6.2.6'),
    row('MANAGE-4.3', 'B.8.5 B.6.2.6'),
  ],
};
