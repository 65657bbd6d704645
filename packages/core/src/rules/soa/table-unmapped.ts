import { defineRepositoryRule } from '../types.js';

const quoted = (names: readonly string[]): string => names.map((name) => `\`${name}\``).join(', ');

export default defineRepositoryRule({
  id: 'soa/table-unmapped',
  defaultSeverity: 'error',
  description: 'A table in the Statement of Applicability lists controls, but aimslint cannot tell which column says whether each control applies (or which holds the control): its controls would go unread.',
  serves: ['6.1.3'],
  messages: {
    unmapped: 'This table lists Annex A controls, but no column reads as {{missing}}; its columns are {{found}}. Rename that column, or name it in the config: `soa: {columns: {{{mapping}}}}`.',
  },
  check(index) {
    return index.soa.flatMap((statement) => statement.unmappedTables.map((table) => {
      const mapping = table.missing.map((column, at) => `${column}: "${table.unused[at] ?? `<its header>`}"`).join(', ');
      return {
        messageId: 'unmapped',
        data: { missing: table.missing.map((column) => `\`${column}\``).join(' or '), found: quoted(table.found), mapping },
        file: statement.document.path,
        range: table.range,
      };
    }));
  },
});
