import { defineRepositoryRule } from '../types.js';
import { accountableRoles } from './responsible.js';

export default defineRepositoryRule({
  id: 'roles/unstaffed',
  defaultSeverity: 'error',
  description: 'A role that owns or approves documents but has no holders: nobody is accountable.',
  serves: ['5.3', 'A.3.2'],
  messages: {
    unstaffed: '{{role}} owns or approves {{documents}} but has no `holders`; name the people who hold it.',
  },
  check(index) {
    return accountableRoles(index)
      .filter(({ role }) => role.holders.length === 0)
      .map(({ role, documents }) => ({ messageId: 'unstaffed', data: { role: role.id, documents: documents === 1 ? 'one document' : `${documents} documents` }, file: role.document.path, range: role.range }));
  },
});
