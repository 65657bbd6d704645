import { resolveLink } from '../../index/links.js';
import { defineRepositoryRule, type Report } from '../types.js';

export default defineRepositoryRule({
  id: 'link/broken',
  defaultSeverity: 'error',
  description: 'A relative link to a missing file, to a heading anchor the target does not have, or to a place outside the repository.',
  serves: ['7.5.3'],
  messages: {
    missingFile: 'This link points at `{{path}}`, which does not exist in the repository.',
    missingAnchor: '`{{path}}` has no heading for `#{{anchor}}`.{{suggestion}}',
    outside: 'This link cannot be followed: {{reason}}. Link to a document inside the repository.',
  },
  check(index) {
    return index.documents.flatMap((document) =>
      document.links.flatMap((link): Report[] => {
        const target = resolveLink(index, document.path, link.url);
        const at = { file: document.path, range: link.range };
        switch (target.kind) {
          case 'missing-file':
            return [{ messageId: 'missingFile', data: { path: target.path }, ...at }];
          case 'missing-anchor':
            return [{ messageId: 'missingAnchor', data: { path: target.path === document.path ? 'This document' : target.path, anchor: target.anchor, suggestion: target.suggestion ? ` Did you mean \`#${target.suggestion}\`?` : '' }, ...at }];
          case 'outside':
            return [{ messageId: 'outside', data: { reason: target.reason }, ...at }];
          default:
            return [];
        }
      }));
  },
});
