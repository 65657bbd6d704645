/**
 * What an SoA author means by the words they write in the Applicable and
 * Implementation cells. Real SoAs say "Yes", "N/A", "Excluded", "Partial" or
 * "Planned" as often as yes or no; each word is read once, here, so the rules
 * and the report agree on what a row states.
 */

/** How far an applicable control is put into practice, when the SoA says so. */
export type ImplementationState = 'implemented' | 'partial' | 'planned';

export interface Applicability {
  /** undefined when the word is none of those below: soa/applicability-unknown reports it. */
  applicable: boolean | undefined;
  /** Set when the applicability word also says how far the control is implemented ("Partial"). */
  implementation: ImplementationState | undefined;
}

const APPLICABLE = new Map<string, ImplementationState | undefined>([
  ...['yes', 'y', 'true', 'applicable', 'applies', 'included', 'include', 'in scope', 'required', '✓', '✔', '✅', 'x'].map((word): [string, undefined] => [word, undefined]),
  ...['implemented', 'in place', 'done', 'yes - implemented', 'applicable - implemented'].map((word): [string, ImplementationState] => [word, 'implemented']),
  ...['partial', 'partially', 'partly', 'partially implemented', 'partly implemented', 'in progress', 'yes - partial', 'applicable - partial'].map((word): [string, ImplementationState] => [word, 'partial']),
  ...['planned', 'not yet implemented', 'to do', 'yes - planned', 'applicable - planned'].map((word): [string, ImplementationState] => [word, 'planned']),
]);

const EXCLUDED = new Set(['no', 'n', 'false', 'not applicable', 'n/a', 'na', 'n.a.', 'n.a', 'excluded', 'exclude', 'out of scope', 'not relevant', 'not required', '✗', '✘', '❌', '-', '—', '–']);

/** Words of an SoA being drawn up: the row is there, the decision is not yet (`aimslint init` and `--fix` write `undecided`). */
const UNDECIDED = new Set(['undecided', 'to be decided', 'tbd', 'not decided', 'not yet decided', 'open']);

/** Whether an Applicable cell says the decision is still open. */
export const isUndecided = (text: string): boolean => UNDECIDED.has(normalise(text));

/** A cell's words, compared without emphasis, case, spacing or a trailing full stop; "Yes – partial" reads as "yes - partial". */
function normalise(text: string): string {
  return text.replace(/[*_`]/g, '').trim().toLowerCase().replace(/\.$/, '').replace(/\s*[-–—:,(]\s*/g, ' - ').replace(/\)$/, '').replace(/\s+/g, ' ').trim();
}

/** Read an Applicable cell (or a frontmatter `applicable` that is not a boolean). */
export function readApplicability(text: string): Applicability {
  const words = normalise(text);
  if (EXCLUDED.has(words) || EXCLUDED.has(text.trim())) return { applicable: false, implementation: undefined };
  if (APPLICABLE.has(words)) return { applicable: true, implementation: APPLICABLE.get(words) };
  if (APPLICABLE.has(text.trim())) return { applicable: true, implementation: undefined };
  return { applicable: undefined, implementation: undefined };
}

/**
 * The state an Implementation text opens with: "Planned for Q3 2027" is
 * planned, "Partial: only the credit model" partial. Free prose that opens
 * with none of these words states no state.
 */
export function implementationStateOf(text: string): ImplementationState | undefined {
  const first = /^[*_`\s]*([a-z]+(?: (?:implemented|place|progress))?)/i.exec(text)?.[1]?.toLowerCase();
  if (first === undefined) return undefined;
  if (['implemented', 'in place', 'done', 'complete', 'completed'].includes(first)) return 'implemented';
  if (['partial', 'partially', 'partly', 'partially implemented', 'partly implemented', 'in progress'].includes(first)) return 'partial';
  if (['planned', 'planning', 'pending'].includes(first)) return 'planned';
  return undefined;
}
