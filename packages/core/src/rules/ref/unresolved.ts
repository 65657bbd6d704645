import type { IndexedDocument } from '../../model.js';
import { stringListField, valueRange } from '../../index/fields.js';
import { lookupId, type RepoIndex } from '../../index/repo-index.js';
import { closest, Suggester } from '../../util/suggest.js';
import { defineRepositoryRule, type Report } from '../types.js';
import { OWNER_FIELDS, ownerForm, ownerPolicyOf, type OwnerPolicy } from '../../config/owners.js';

/**
 * Which fields hold ids, and what kind of thing each must name (undefined:
 * anything). `suppliers` is supplier/unassessed's, which says more.
 */
export const REFERENCE_FIELDS: Readonly<Record<string, { kinds: readonly string[] | undefined; label: string }>> = {
  owner: { kinds: ['role'], label: 'a role' },
  approved_by: { kinds: ['role'], label: 'a role' },
  role: { kinds: ['role'], label: 'a role' },
  system: { kinds: ['ai-system'], label: 'an `ai-system` document' },
  systems: { kinds: ['ai-system'], label: 'an `ai-system` document' },
  ai_systems: { kinds: ['ai-system'], label: 'an `ai-system` document' },
  related: { kinds: undefined, label: 'a document or role' },
};

/** Ids of the kinds a field accepts: suggestions come from these only. */
function candidateIds(index: RepoIndex, kinds: readonly string[] | undefined): string[] {
  return [...index.ids.entries()].filter(([, definitions]) => kinds === undefined || definitions.some((d) => kinds.includes(d.type))).map(([id]) => id);
}

function checkField(index: RepoIndex, document: IndexedDocument, field: string, suggestions: (field: string) => Suggester, owners: OwnerPolicy): Report[] {
  const expected = REFERENCE_FIELDS[field];
  if (!expected) return [];
  return stringListField(document, field).flatMap(({ value, pointer }): Report[] => {
    if (OWNER_FIELDS.includes(field)) {
      const form = ownerForm(value, owners);
      if (form === 'accepted') return [];
      // Not a role id nor a form the config accepts, and no id at all (an e-mail): schema/invalid reports it once, at its root.
      if (form === 'rejected' && lookupId(index, value) === undefined) return [];
      if (form === 'unlisted-team') {
        const nearest = closest(value, owners.teams);
        return [{ messageId: 'unknownTeam', data: { field, team: value, suggestion: nearest ? ` Did you mean \`${nearest}\`?` : '' }, file: document.path, range: valueRange(document, pointer) }];
      }
    }
    const target = lookupId(index, value);
    if (target && (!expected.kinds || expected.kinds.includes(target.type))) return [];
    // Defined in a document that could not be read: that document's finding is the root cause.
    if (!target && index.unknowable.ids.has(value)) return [];
    // Positions are worked out only now that there is something to report.
    const range = valueRange(document, pointer);
    if (!target) {
      const nearest = suggestions(field).closest(value);
      return [{ messageId: 'missing', data: { field, id: value, label: expected.label, suggestion: nearest ? ` Did you mean \`${nearest}\`?` : '' }, file: document.path, range }];
    }
    return [{
      messageId: 'wrongKind',
      data: { field, id: value, label: expected.label, actual: target.kind === 'role' ? 'a role' : `a document of type \`${target.type}\`` },
        file: document.path,
        range,
        related: [{ file: target.document.path, range: target.range, message: `${value} is defined here` }],
    }];
  });
}

export default defineRepositoryRule({
  id: 'ref/unresolved',
  defaultSeverity: 'error',
  description: 'An id reference (owner, approved_by, system, related, ...) to nothing, or to the wrong kind of thing.',
  serves: ['5.3', '7.5.2'],
  perDocument: true,
  messages: {
    missing: '`{{field}}` names `{{id}}`, but no document or role has that id; it must name {{label}}.{{suggestion}}',
    wrongKind: '`{{field}}` names `{{id}}`, which is {{actual}}; it must name {{label}}.',
    unknownTeam: '`{{field}}` names the team `{{team}}`, which is not in `owners.teams` of the config; write the team as listed there, or add it.{{suggestion}}',
  },
  check(index, { options }) {
    const owners = ownerPolicyOf(options);
    const byField = new Map<string, Suggester>();
    const suggestions = (field: string): Suggester => {
      let suggester = byField.get(field);
      if (!suggester) {
        suggester = new Suggester(candidateIds(index, REFERENCE_FIELDS[field]?.kinds));
        byField.set(field, suggester);
      }
      return suggester;
    };
    // Without an inventory (the `aimslint:model-cards` preset), `system` names a system kept elsewhere: nothing to resolve here.
    const fields = Object.keys(REFERENCE_FIELDS).filter((field) => options['inventory'] !== false || REFERENCE_FIELDS[field]?.kinds?.includes('ai-system') !== true);
    return index.governed.flatMap((document) => fields.flatMap((field) => checkField(index, document, field, suggestions, owners)));
  },
});
