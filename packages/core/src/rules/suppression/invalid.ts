import { defineRepositoryRule } from '../types.js';

export const SUPPRESSION_INVALID = 'suppression/invalid';

/**
 * The engine reports this itself once every rule has run and the file's
 * suppression comments are applied (see engine/suppressions.ts); the rule
 * exists so that the id can be explained, configured and listed in SARIF.
 */
export default defineRepositoryRule({
  id: SUPPRESSION_INVALID,
  defaultSeverity: 'error',
  description: 'An `aimslint-disable` comment that gives no reason after ` -- `, names a rule that does not exist, or an `aimslint-enable` with nothing to end: it suppresses nothing until it is fixed.',
  serves: ['7.5.2'],
  messages: {
    missingReason: 'This `aimslint-{{kind}}` gives no reason, so it suppresses nothing: write why after ` -- `, for example `{{example}}`.',
    unknownRule: '`{{rule}}` in this `aimslint-{{kind}}` is not a rule, so it suppresses nothing; `aimslint explain` lists the rules.{{suggestion}}',
    unknownKind: '`aimslint-{{kind}}` is not an aimslint comment; write `aimslint-disable-next-line`, `aimslint-disable` or `aimslint-enable`.',
    strayEnable: 'This `aimslint-enable` ends no `aimslint-disable` before it; remove it.',
  },
  check: () => [],
});
