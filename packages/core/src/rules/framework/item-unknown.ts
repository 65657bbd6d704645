import { FRAMEWORKS } from '../../catalog/index.js';
import { stringListField, valueRange } from '../../index/fields.js';
import { closest } from '../../util/suggest.js';
import { defineRepositoryRule, type Report } from '../types.js';

/** Each framework's item ids, by the prefix documents write before the colon. */
const ITEMS_BY_PREFIX: ReadonlyMap<string, { name: string; ids: readonly string[]; known: ReadonlySet<string> }> = new Map(
  FRAMEWORKS.map((framework) => {
    const ids = framework.items.map((item) => item.id);
    return [framework.prefix, { name: framework.name, ids, known: new Set(ids) }];
  }),
);

export default defineRepositoryRule({
  id: 'framework/item-unknown',
  defaultSeverity: 'error',
  description: 'A NIST AI RMF or EU AI Act id in a document\'s `controls` that is not an item of that framework, so it evidences nothing.',
  serves: ['6.1.3'],
  messages: {
    unknown: '{{id}} is not an item of {{framework}}, so this document evidences nothing with it.{{suggestion}}',
  },
  check(index) {
    return index.governed.flatMap((document) =>
      stringListField(document, 'controls').flatMap((item): Report[] => {
        const colon = item.value.indexOf(':');
        const framework = colon === -1 ? undefined : ITEMS_BY_PREFIX.get(item.value.slice(0, colon));
        if (!framework || framework.known.has(item.value)) return [];
        // Numbers differ by one edit from many ids: prefer one of the same category (MAP-5.3 -> MAP-5.1, not MAP-1.3).
        const stem = item.value.slice(0, item.value.lastIndexOf('.') + 1);
        const nearest = closest(item.value, framework.ids.filter((id) => stem !== '' && id.startsWith(stem))) ?? closest(item.value, framework.ids);
        return [{
          messageId: 'unknown',
          data: { id: item.value, framework: framework.name, suggestion: nearest ? ` Did you mean ${nearest}?` : '' },
          file: document.path,
          range: valueRange(document, item.pointer),
        }];
      }));
  },
});
