import { ownersOf } from '../../index/codeowners.js';
import { dataOf, stringField, valueRange } from '../../index/fields.js';
import { lookupId, type IdDefinition } from '../../index/repo-index.js';
import { defineRepositoryRule, type Report } from '../types.js';

/** The `logins` a role lists, lower case as CODEOWNERS is compared; non-strings are the schema's to report. */
function loginsOf(role: IdDefinition): string[] {
  const roles = dataOf(role.document)['roles'];
  const entry = Array.isArray(roles) ? roles.find((item: unknown) => typeof item === 'object' && item !== null && (item as { id?: unknown }).id === role.id) : undefined;
  const logins = (entry as { logins?: unknown } | undefined)?.logins;
  return Array.isArray(logins) ? logins.filter((login): login is string => typeof login === 'string').map((login) => login.toLowerCase()) : [];
}

/**
 * Opt-in by data rather than by severity: it says nothing until a role lists
 * `logins`, a field added with it, so existing repositories see no change.
 */
export default defineRepositoryRule({
  id: 'doc-control/owner-not-codeowner',
  defaultSeverity: 'warn',
  description: 'A governance document whose approving role lists GitHub `logins`, none of which is its code owner in CODEOWNERS, so GitHub would merge a change without their approval.',
  serves: ['7.5.3', 'A.3.2'],
  messages: {
    unowned:
      '{{role}} approves this document, but CODEOWNERS ({{codeowners}}) names no code owner for it: add a line such as `/{{path}} {{logins}}` so GitHub asks {{role}} to approve every change.',
    otherOwners:
      '{{role}} approves this document, but its code owners in {{codeowners}} (line {{line}}: {{owners}}) include none of {{logins}}: add one of them to that line so GitHub asks {{role}} to approve every change.',
  },
  check(index) {
    const { codeowners } = index;
    if (!codeowners) return [];
    return index.governed.flatMap((document) => {
      const approver = stringField(document, 'approved_by');
      const role = approver === undefined ? undefined : lookupId(index, approver);
      const logins = role?.kind === 'role' ? loginsOf(role) : [];
      if (!role || logins.length === 0) return [];
      const rule = ownersOf(codeowners, document.path);
      if (rule && rule.owners.some((owner) => logins.includes(owner))) return [];
      const common = { role: role.id, codeowners: codeowners.path, logins: logins.join(' ') };
      const at = { file: document.path, range: valueRange(document, '/approved_by') };
      const report: Report = rule === undefined || rule.owners.length === 0
        ? { messageId: 'unowned', data: { ...common, path: document.path }, ...at }
        : { messageId: 'otherOwners', data: { ...common, line: rule.line, owners: rule.owners.join(' ') }, ...at };
      return [report];
    });
  },
});
