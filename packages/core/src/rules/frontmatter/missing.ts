import { defineDocumentRule } from '../types.js';

export default defineDocumentRule({
  id: 'frontmatter/missing',
  defaultSeverity: 'error',
  description: 'A Markdown file in a governance folder that has no frontmatter.',
  serves: ['7.5.2'],
  messages: {
    missing: 'This file is in a governance folder but has no frontmatter. Start it with a `---` block giving at least `id`, `type`, `title`, `owner`, `status` and `version`.',
  },
  check(document) {
    if (!document.governance || document.skipped || document.frontmatter !== null) return [];
    return [{ messageId: 'missing', file: document.path, range: { line: 1, column: 1, endLine: 1, endColumn: 1 } }];
  },
});
