/** Two rows reused by every comparison: suggestions run thousands of them, allocation would dominate. */
let scratch: [Float64Array, Float64Array] = [new Float64Array(64), new Float64Array(64)];

/**
 * Edit distance up to `limit`: anything further returns `limit + 1`. Only the
 * cells within `limit` of the diagonal are computed (a path leaving that band
 * already costs more than `limit`), so one comparison costs O(length × limit)
 * however long the words, and a row wholly over the limit stops it early.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const band = Math.min(limit, Math.max(a.length, b.length));
  const over = band + 1;
  if (scratch[0].length <= b.length) scratch = [new Float64Array(2 * b.length + 2), new Float64Array(2 * b.length + 2)];
  let [previous, current] = scratch;
  for (let j = 0; j <= b.length; j++) previous[j] = j <= band ? j : over;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - band);
    const hi = Math.min(b.length, i + band);
    // Cells just outside the band count as over the limit for the next row.
    current[lo - 1] = lo === 1 && i <= band ? i : over;
    if (hi < b.length) current[hi + 1] = over;
    let rowMinimum = current[lo - 1] as number;
    const code = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const substitution = (previous[j - 1] as number) + (code === b.charCodeAt(j - 1) ? 0 : 1);
      const deletion = (previous[j] as number) + 1;
      const insertion = (current[j - 1] as number) + 1;
      const value = substitution < deletion ? (substitution < insertion ? substitution : insertion) : deletion < insertion ? deletion : insertion;
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return limit + 1;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return Math.min(previous[b.length] as number, limit + 1);
}

const limitFor = (word: string): number => (word.length <= 4 ? 1 : 2);

/**
 * Words longer than this get no suggestion: ids, keys and control numbers are
 * short, and a long near-miss is a hostile file's way to make every
 * comparison expensive.
 */
export const MAX_SUGGESTED_LENGTH = 128;

/** Edit-distance cells one lookup may spend by default: thousands of candidates, a few milliseconds. */
const CELLS_PER_LOOKUP = 1_000_000;

/**
 * How many edit-distance cells suggestions may still compute. Suggestions are
 * a courtesy: once a run (or a document) has spent its budget, findings keep
 * their message without a "did you mean", so many near-miss ids against many
 * candidates cannot make the run quadratic. Normal repositories never come near.
 */
export class SuggestionBudget {
  constructor(private cells: number) {}

  /** Takes `cells` from the budget; false (taking nothing) when too few are left. */
  spend(cells: number): boolean {
    if (cells > this.cells) return false;
    this.cells -= cells;
    return true;
  }
}

/** The candidate nearest to `word`, if it is a plausible typo (distance ≤ 2, or ≤ 1 for short words). */
export function closest(word: string, candidates: Iterable<string>, budget = new SuggestionBudget(CELLS_PER_LOOKUP)): string | undefined {
  if (word.length > MAX_SUGGESTED_LENGTH) return undefined;
  const limit = limitFor(word);
  const wanted = word.toLowerCase();
  // The most cells one banded comparison can compute.
  const cost = (wanted.length + 1) * (2 * limit + 1);
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - word.length) > limit) continue;
    if (!budget.spend(cost)) break;
    const distance = editDistance(wanted, candidate.toLowerCase(), bestDistance - 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      if (distance === 0) break;
    }
  }
  return best;
}

/** Edit-distance cells all lookups of one Suggester may spend: well under a second. */
const CELLS_PER_RUN = 20_000_000;
const MAX_REMEMBERED_ANSWERS = 10_000;

/**
 * Suggestions among many candidates (every id of a large repository): they
 * are grouped by first letter and length, so a lookup compares only the few
 * that could be within reach. A typo in the very first letter is not
 * suggested; that is the price of staying fast on 100,000 ids.
 */
export class Suggester {
  private readonly buckets = new Map<string, { candidate: string; letters: number }[]>();
  /** One budget for every lookup of this suggester (it lives for one rule run). */
  private readonly budget = new SuggestionBudget(CELLS_PER_RUN);
  /** The same unresolved id is often written many times: it is looked up once. */
  private readonly answers = new Map<string, string | undefined>();

  constructor(candidates: Iterable<string>) {
    for (const candidate of candidates) {
      const key = Suggester.key(candidate.toLowerCase()[0] ?? '', candidate.length);
      const entry = { candidate, letters: letterSet(candidate) };
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(entry);
      else this.buckets.set(key, [entry]);
    }
  }

  private static key(first: string, length: number): string {
    return `${first}:${length}`;
  }

  closest(word: string): string | undefined {
    if (this.answers.has(word)) return this.answers.get(word);
    const answer = this.lookup(word);
    if (this.answers.size < MAX_REMEMBERED_ANSWERS) this.answers.set(word, answer);
    return answer;
  }

  private lookup(word: string): string | undefined {
    if (word.length > MAX_SUGGESTED_LENGTH) return undefined;
    const limit = limitFor(word);
    const first = word.toLowerCase()[0] ?? '';
    const letters = letterSet(word);
    const nearby: string[] = [];
    for (let length = word.length - limit; length <= word.length + limit; length++) {
      const bucket = this.buckets.get(Suggester.key(first, length)) ?? [];
      // Filtering costs too: a bucket of thousands of look-alike ids is paid for from the same budget.
      if (!this.budget.spend(bucket.length)) break;
      for (const entry of bucket) {
        // One edit changes at most two letters of the set: a cheap bound that skips most candidates.
        if (bitCount(entry.letters ^ letters) <= 2 * limit) nearby.push(entry.candidate);
      }
    }
    return closest(word, nearby, this.budget);
  }
}

/** The letters and digits a word uses, as bits (case-insensitive; other characters share one bit). */
function letterSet(word: string): number {
  let bits = 0;
  for (const char of word.toLowerCase()) {
    const code = char.charCodeAt(0);
    const bit = code >= 97 && code <= 122 ? code - 97 : code >= 48 && code <= 57 ? 26 + ((code - 48) % 5) : 31;
    bits |= 1 << bit;
  }
  return bits;
}

function bitCount(value: number): number {
  let count = 0;
  for (let rest = value >>> 0; rest !== 0; rest &= rest - 1) count++;
  return count;
}
