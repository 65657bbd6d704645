import { defineDocumentRule, parseProblems } from '../types.js';

export default defineDocumentRule({
  id: 'file/too-large',
  defaultSeverity: 'warn',
  description: 'A file larger than `limits.maxFileBytes`: skipped unread, never handed to the YAML or Markdown parser.',
  serves: ['7.5.3'],
  messages: { problem: '{{problem}}' },
  check: (document) => parseProblems('file/too-large', document),
});
