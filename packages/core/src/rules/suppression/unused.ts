import { defineRepositoryRule } from '../types.js';

export const SUPPRESSION_UNUSED = 'suppression/unused';

/** Reported by the engine, as `suppression/invalid` is (see engine/suppressions.ts). */
export default defineRepositoryRule({
  id: SUPPRESSION_UNUSED,
  defaultSeverity: 'error',
  description: 'An `aimslint-disable` comment that suppresses no finding: what it was written for is fixed or moved, and left in place it would hide the next problem there.',
  serves: ['7.5.2'],
  messages: {
    unused: 'This `aimslint-{{kind}}` suppresses nothing ({{rules}} finds nothing {{where}}); remove it.',
  },
  check: () => [],
});
