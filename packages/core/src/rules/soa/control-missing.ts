import { controlsOf } from '../../catalog/index.js';
import { frontmatterRange, keyRange } from '../../index/fields.js';
import { allEntries, formsOf, type SoaStatement } from '../../index/soa.js';
import type { SourceRange } from '../../model.js';
import { defineRepositoryRule } from '../types.js';

/** Where "this control is missing" is said: the `entries` key, else the table, else the frontmatter. */
export function soaAnchor(statement: SoaStatement): SourceRange {
  if (formsOf(statement).frontmatter) return keyRange(statement.document, '/entries');
  return statement.tableRange ?? frontmatterRange(statement.document);
}

export default defineRepositoryRule({
  id: 'soa/control-missing',
  defaultSeverity: 'error',
  description: 'An Annex A control that the Statement of Applicability does not state.',
  serves: ['6.1.3'],
  messages: {
    missing: '{{control}} ({{title}}) is not in the Statement of Applicability; state it as applicable with evidence, or as excluded with a justification.',
  },
  check(index) {
    const controls = controlsOf(index.catalog);
    return index.soa.flatMap((statement) => {
      const stated = new Set(allEntries(statement).map((entry) => entry.control));
      return controls
        .filter((control) => !stated.has(control.id))
        .map((control) => ({ messageId: 'missing', data: { control: control.id, title: control.title }, file: statement.document.path, range: soaAnchor(statement) }));
    });
  },
});
