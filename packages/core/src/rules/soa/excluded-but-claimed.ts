import { stringListField, valueRange } from '../../index/fields.js';
import { allEntries } from '../../index/soa.js';
import { defineRepositoryRule } from '../types.js';

export default defineRepositoryRule({
  id: 'soa/excluded-but-claimed',
  defaultSeverity: 'warn',
  description: 'A document claims, in its `controls`, a control that the Statement of Applicability excludes.',
  serves: ['6.1.3'],
  messages: {
    claimed: 'This document lists {{control}} in `controls`, but the Statement of Applicability ({{soa}}) excludes it; remove it here, or make it applicable there.',
  },
  check(index) {
    const excluded = new Map<string, string>();
    for (const statement of index.soa) {
      for (const entry of allEntries(statement)) if (entry.applicable === false) excluded.set(entry.control, statement.document.path);
    }
    if (excluded.size === 0) return [];
    return index.governed.flatMap((document) =>
      stringListField(document, 'controls')
        .filter((item) => excluded.has(item.value))
        .map((item) => ({ messageId: 'claimed', data: { control: item.value, soa: excluded.get(item.value) ?? '' }, file: document.path, range: valueRange(document, item.pointer) })));
  },
});
