import { controlsOf } from '../../catalog/index.js';
import { allEntries } from '../../index/soa.js';
import { closest, SuggestionBudget } from '../../util/suggest.js';
import { defineRepositoryRule } from '../types.js';

/** Edit-distance cells this rule's suggestions may spend in one run. */
const SUGGESTION_CELLS_PER_RUN = 20_000_000;

export default defineRepositoryRule({
  id: 'soa/control-unknown',
  defaultSeverity: 'error',
  description: 'A control id in the Statement of Applicability that is not an Annex A control of the catalog.',
  serves: ['6.1.3'],
  messages: {
    unknown: '{{control}} is not an Annex A control of {{catalog}}.{{suggestion}}',
  },
  check(index) {
    const ids = controlsOf(index.catalog).map((control) => control.id);
    const known = new Set(ids);
    // One budget for the run: a Statement of Applicability of thousands of near-miss ids stays linear.
    const budget = new SuggestionBudget(SUGGESTION_CELLS_PER_RUN);
    return index.soa.flatMap((statement) =>
      allEntries(statement)
        .filter((entry) => !known.has(entry.control))
        .map((entry) => {
          const nearest = closest(entry.control, ids, budget);
          return {
            messageId: 'unknown',
            data: { control: entry.control, catalog: index.catalog.name, suggestion: nearest ? ` Did you mean ${nearest}?` : '' },
            file: statement.document.path,
            range: entry.controlRange,
          };
        }));
  },
});
