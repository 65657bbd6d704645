import { defineDocumentRule, parseProblems } from '../types.js';

export default defineDocumentRule({
  id: 'file/encoding',
  defaultSeverity: 'error',
  description: 'A Markdown file that is not UTF-8 text (binary, UTF-16, invalid bytes), so it cannot be checked.',
  serves: ['7.5.3'],
  messages: { problem: '{{problem}}' },
  check: (document) => parseProblems('file/encoding', document),
});
