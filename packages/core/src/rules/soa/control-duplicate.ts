import { allEntries, formsOf, type SoaEntry, type SoaStatement } from '../../index/soa.js';
import { defineRepositoryRule, type Report } from '../types.js';

const FORM_NAMES = { frontmatter: 'the frontmatter `entries`', table: 'the table' } as const;

function duplicatesWithinForms(statement: SoaStatement): Report[] {
  const first = new Map<string, SoaEntry>();
  return allEntries(statement).flatMap((entry): Report[] => {
    const key = `${entry.form}:${entry.control}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, entry);
      return [];
    }
    return [{
      messageId: 'duplicate',
      data: { control: entry.control, form: FORM_NAMES[entry.form], line: earlier.controlRange.line },
      file: statement.document.path,
      range: entry.controlRange,
      related: [{ file: statement.document.path, range: earlier.controlRange, message: 'first stated here' }],
    }];
  });
}

const evidenceKey = (entry: SoaEntry): string => entry.evidence.map((item) => item.text).sort().join('\n');
const applicableWord = (value: boolean | undefined): string => (value === undefined ? 'unclear' : value ? 'applicable' : 'excluded');

/** Where both forms are written, each control must read the same in both; the table is reported. */
function disagreements(statement: SoaStatement): Report[] {
  const forms = formsOf(statement);
  if (!forms.frontmatter || !forms.table) return [];
  const inFrontmatter = new Map(statement.frontmatterEntries.map((entry) => [entry.control, entry]));
  const inTable = new Map(statement.tableEntries.map((entry) => [entry.control, entry]));
  const file = statement.document.path;
  const reports: Report[] = [];
  for (const [control, row] of inTable) {
    const entry = inFrontmatter.get(control);
    if (!entry) reports.push({ messageId: 'onlyIn', data: { control, here: FORM_NAMES.table, other: FORM_NAMES.frontmatter }, file, range: row.controlRange });
    else if (entry.applicable !== row.applicable) {
      reports.push({ messageId: 'applicableDiffers', data: { control, table: applicableWord(row.applicable), frontmatter: applicableWord(entry.applicable) }, file, range: row.applicableRange, related: [{ file, range: entry.applicableRange, message: 'the frontmatter entry' }] });
    } else if (evidenceKey(entry) !== evidenceKey(row)) {
      reports.push({ messageId: 'evidenceDiffers', data: { control }, file, range: row.evidenceRange, related: [{ file, range: entry.evidenceRange, message: 'the frontmatter evidence' }] });
    }
  }
  for (const [control, entry] of inFrontmatter) {
    if (!inTable.has(control)) reports.push({ messageId: 'onlyIn', data: { control, here: FORM_NAMES.frontmatter, other: FORM_NAMES.table }, file, range: entry.controlRange });
  }
  return reports;
}

export default defineRepositoryRule({
  id: 'soa/control-duplicate',
  defaultSeverity: 'error',
  description: 'A control stated twice in the Statement of Applicability, or stated differently by its frontmatter and its table.',
  serves: ['6.1.3'],
  messages: {
    duplicate: '{{control}} is stated twice in {{form}} (first on line {{line}}); keep one entry.',
    onlyIn: '{{control}} is stated in {{here}} but not in {{other}}; the two forms must state the same controls.',
    applicableDiffers: 'The table says {{control}} is {{table}}, the frontmatter `entries` say {{frontmatter}}; make them agree.',
    evidenceDiffers: 'The evidence for {{control}} differs between the table and the frontmatter `entries`; list the same evidence in both.',
  },
  check(index) {
    return index.soa.flatMap((statement) => [...duplicatesWithinForms(statement), ...disagreements(statement)]);
  },
});
