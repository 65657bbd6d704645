import { defineRepositoryRule } from '../types.js';

export default defineRepositoryRule({
  id: 'id/duplicate',
  defaultSeverity: 'error',
  description: 'Two documents or roles that share one id, so references to it are ambiguous.',
  serves: ['7.5.2'],
  messages: {
    duplicate: '`{{id}}` is already the id of {{first}} ({{firstPath}}:{{firstLine}}); give this {{kind}} its own id.',
  },
  check(index) {
    return [...index.ids.values()].flatMap((definitions) => {
      const [first, ...rest] = definitions;
      if (!first) return [];
      return rest.map((definition) => ({
        messageId: 'duplicate',
        data: {
          id: definition.id,
          first: first.kind === 'role' ? 'a role' : `a ${first.type} document`,
          firstPath: first.document.path,
          firstLine: first.range.line,
          kind: definition.kind === 'role' ? 'role' : 'document',
        },
        file: definition.document.path,
        range: definition.range,
        related: [{ file: first.document.path, range: first.range, message: 'first defined here' }],
      }));
    });
  },
});
