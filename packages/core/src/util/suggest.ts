/**
 * Edit distance up to `limit`: anything further returns `limit + 1` as soon as
 * a whole row exceeds it, so comparing a word against thousands of ids stays
 * cheap (we only care about near misses).
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

const limitFor = (word: string): number => (word.length <= 4 ? 1 : 2);

/** The candidate nearest to `word`, if it is a plausible typo (distance ≤ 2, or ≤ 1 for short words). */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const limit = limitFor(word);
  const wanted = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - word.length) > limit) continue;
    const distance = editDistance(wanted, candidate.toLowerCase(), bestDistance - 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      if (distance === 0) break;
    }
  }
  return best;
}

/**
 * Suggestions among many candidates (every id of a large repository): they
 * are grouped by first letter and length, so a lookup compares only the few
 * that could be within reach. A typo in the very first letter is not
 * suggested; that is the price of staying fast on 100,000 ids.
 */
export class Suggester {
  private readonly buckets = new Map<string, { candidate: string; letters: number }[]>();

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
    const limit = limitFor(word);
    const first = word.toLowerCase()[0] ?? '';
    const letters = letterSet(word);
    const nearby: string[] = [];
    for (let length = word.length - limit; length <= word.length + limit; length++) {
      for (const entry of this.buckets.get(Suggester.key(first, length)) ?? []) {
        // One edit changes at most two letters of the set: a cheap bound that skips most candidates.
        if (bitCount(entry.letters ^ letters) <= 2 * limit) nearby.push(entry.candidate);
      }
    }
    return closest(word, nearby);
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
