import { testFixes } from '../../testing/fix-tester.js';
import rule from './control-missing.js';
import { completeEntries, frontmatterForm, soaRepository, tableForm, withEntry } from './soa-fixtures.js';

const without = withEntry(withEntry(completeEntries(), 'A.7.5', null), 'A.10.2', null);
const tableSoa = tableForm(without);
const frontmatterSoa = frontmatterForm(without);

testFixes(rule, [
  {
    name: 'table: a row per missing control, marked undecided, after the last row',
    files: soaRepository(tableSoa),
    output: { 'aims/soa.md': `${tableSoa}| A.7.5 | undecided | | |\n| A.10.2 | undecided | | |\n` },
  },
  {
    name: 'table with a Title column: the title is filled in, cells in the table\'s order',
    files: soaRepository(tableSoa.replace('| Control | Applicable |', '| Control | Title | Applicable |').replace('|---|---|---|---|', '|---|---|---|---|---|').replace(/^\| (A\.[\d.]+) \|/gm, '| $1 | |')),
    output: {
      'aims/soa.md': `${tableSoa.replace('| Control | Applicable |', '| Control | Title | Applicable |').replace('|---|---|---|---|', '|---|---|---|---|---|').replace(/^\| (A\.[\d.]+) \|/gm, '| $1 | |')}| A.7.5 | Data provenance | undecided | | |\n| A.10.2 | Allocating responsibilities | undecided | | |\n`,
    },
  },
  {
    name: 'frontmatter: entries marked undecided after the last entry, at its indentation',
    files: soaRepository(frontmatterSoa),
    output: { 'aims/soa.md': frontmatterSoa.replace('\n---\n# Statement', '\n  - control: A.7.5\n    applicable: undecided\n  - control: A.10.2\n    applicable: undecided\n---\n# Statement') },
  },
]);
