import { closest } from '../../util/suggest.js';
import { dataOf, frontmatterRange, valueRange } from '../../index/fields.js';
import { defineDocumentRule } from '../types.js';

export default defineDocumentRule({
  id: 'schema/type-unknown',
  defaultSeverity: 'error',
  description: 'A `type` that no schema defines, or a governance-folder document without a `type`.',
  serves: ['7.5.2'],
  messages: {
    unknown: '`type: {{type}}` is not a known document type.{{suggestion}} Known types: {{known}}.',
    notString: '`type` must be one of the document type names, written as text.',
    missing: 'This document in a governance folder has no `type`. Add `type:` with one of: {{known}}.',
  },
  check(document, { schemas }) {
    const data = document.frontmatter?.data;
    if (!data) return [];
    // Sorted and joined only for a finding: most documents have a known type.
    const known = (): string => schemas.types().join(', ');
    const declared = dataOf(document)['type'];
    if (declared === undefined && document.type === undefined) {
      return document.governance ? [{ messageId: 'missing', data: { known: known() }, file: document.path, range: frontmatterRange(document) }] : [];
    }
    if (declared !== undefined && typeof declared !== 'string') return [{ messageId: 'notString', file: document.path, range: valueRange(document, '/type') }];
    const type = document.type ?? '';
    if (schemas.has(type)) return [];
    const nearest = closest(type, schemas.types());
    return [{
      messageId: 'unknown',
      data: { type, known: known(), suggestion: nearest ? ` Did you mean \`${nearest}\`?` : '' },
      file: document.path,
      range: declared === undefined ? frontmatterRange(document) : valueRange(document, '/type'),
    }];
  },
});
