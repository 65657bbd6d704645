import type { IndexedDocument } from '../../model.js';
import { stringField } from '../../index/fields.js';
import { documentsOfType } from '../../index/repo-index.js';
import { defineRepositoryRule } from '../types.js';
import { accountableRoles } from './responsible.js';
import { ISO_DATE } from '../../util/words.js';

/** The day a training record stops being current: `expires_on`, else twelve months after completion. */
export function trainingExpiry(record: IndexedDocument): string | undefined {
  const expires = stringField(record, 'expires_on');
  if (expires !== undefined) return expires;
  const completed = stringField(record, 'completed_on');
  if (completed === undefined || !ISO_DATE.test(completed)) return undefined;
  return `${String(Number(completed.slice(0, 4)) + 1).padStart(4, '0')}${completed.slice(4)}`;
}

export function isCurrentTraining(record: IndexedDocument, now: string): boolean {
  const completed = stringField(record, 'completed_on');
  const expiry = trainingExpiry(record);
  return completed !== undefined && expiry !== undefined && completed <= now && now < expiry && stringField(record, 'status') !== 'retired';
}

export default defineRepositoryRule({
  id: 'roles/untrained',
  defaultSeverity: 'error',
  description: 'A holder of a role that owns or approves documents without a current `training-record` for that role.',
  serves: ['7.2', '7.3', 'A.4.6'],
  messages: {
    untrained: '{{holder}} holds {{role}} but has no current training record for it (a `training-record` with `holder: {{holder}}`, `role: {{role}}`, completed in the last 12 months).',
  },
  check(index, { now }) {
    // Who is currently trained for which role, looked up once: a large organisation has thousands of records.
    const trained = new Set(documentsOfType(index, 'training-record')
      .filter((record) => isCurrentTraining(record, now))
      .map((record) => JSON.stringify([stringField(record, 'holder'), stringField(record, 'role')])));
    return accountableRoles(index).flatMap(({ role }) =>
      role.holders
        .filter((holder) => !trained.has(JSON.stringify([holder, role.id])))
        .map((holder) => ({ messageId: 'untrained', data: { holder, role: role.id }, file: role.document.path, range: role.range })));
  },
});
