import { frontmatterRange } from '../../index/fields.js';
import { documentsOfType } from '../../index/repo-index.js';
import { defineRepositoryRule } from '../types.js';

export default defineRepositoryRule({
  id: 'soa/missing',
  defaultSeverity: 'error',
  description: 'The repository has governance documents but no Statement of Applicability (`type: soa`).',
  serves: ['6.1.3'],
  messages: {
    missing: 'This AIMS has no Statement of Applicability. Add a document with `type: soa` that states each of the {{count}} Annex A controls as applicable (with evidence) or excluded (with a justification).',
  },
  check(index) {
    if (index.soa.length > 0) return [];
    // A repository-wide gap is reported on the scope document, where an auditor starts reading.
    const anchor = documentsOfType(index, 'aims-scope')[0] ?? index.governed[0];
    if (!anchor) return [];
    const count = index.catalog.objectives.reduce((sum, objective) => sum + objective.controls.length, 0);
    return [{ messageId: 'missing', data: { count }, file: anchor.path, range: frontmatterRange(anchor) }];
  },
});
