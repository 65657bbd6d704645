import { frontmatterRange, stringField } from '../../index/fields.js';
import { providersByClause } from '../../index/queries.js';
import { documentsOfType } from '../../index/repo-index.js';
import { defineRepositoryRule, type Report } from '../types.js';

export default defineRepositoryRule({
  id: 'aims/required-document',
  defaultSeverity: 'error',
  description: 'Documented information that clauses 4-10 require is missing from the repository.',
  serves: ['4.3', '5.2', '6.1.2', '6.1.3', '6.1.4', '6.2', '7.2', '8.2', '8.3', '8.4', '9.1', '9.2.2', '9.3.3', '10.2'],
  messages: {
    missing: 'Clause {{clause}} ({{title}}) needs documented information: {{what}}. Add {{how}}.',
    unapproved: 'Clause {{clause}} ({{title}}) is only provided by documents that are not approved ({{drafts}}); a draft is not yet the organisation\'s word. Approve one of them.',
  },
  check(index) {
    const anchor = documentsOfType(index, 'aims-scope')[0] ?? index.governed[0];
    if (!anchor) return [];
    const providers = providersByClause(index);
    return index.catalog.clauses.flatMap((clause): Report[] => {
      const own = providers.get(clause.id) ?? [];
      // A provider that did not parse is reported where it is (frontmatter/syntax, file/encoding).
      if (clause.providedBy.some((type) => index.unknowable.types.has(type))) return [];
      // Listing every clause in a draft's `clauses` must not make the gap disappear: only an approved provider closes it.
      if (own.some((document) => stringField(document, 'status') === 'approved')) return [];
      if (own.length > 0) {
        const drafts = own.map((document) => `${document.path}: ${stringField(document, 'status') ?? 'no status'}`).join(', ');
        return [{ messageId: 'unapproved', data: { clause: clause.id, title: clause.title, drafts }, file: anchor.path, range: frontmatterRange(anchor) }];
      }
      return [{
        messageId: 'missing',
        data: {
          clause: clause.id,
          title: clause.title,
          what: clause.documentedInformation,
          how: clause.providedBy.length > 0
            ? `a document of type ${clause.providedBy.map((type) => `\`${type}\``).join(' or ')}, or list "${clause.id}" in a document's \`clauses\``
            : `a document that lists "${clause.id}" in its \`clauses\``,
        },
        file: anchor.path,
        range: frontmatterRange(anchor),
      }];
    });
  },
});
