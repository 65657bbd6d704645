/**
 * Seeded pseudo-random numbers (mulberry32), so a corpus is the same on
 * every machine and every run. Never Math.random.
 */

/**
 * 32-bit FNV-1a hash of a string: turns a seed label into a number.
 * @param {string} text
 * @returns {number}
 */
export function hashString(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * @typedef {object} Random
 * @property {() => number} next float in [0, 1)
 * @property {(min: number, max: number) => number} int integer in [min, max]
 * @property {<T>(items: readonly T[]) => T} pick one item
 * @property {(probability: number) => boolean} chance true with that probability
 * @property {<T>(items: readonly T[], count: number) => T[]} sample distinct items, in random order
 */

/**
 * @param {string} seed
 * @returns {Random}
 */
export function createRandom(seed) {
  let state = hashString(seed);
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (items) => items[Math.floor(next() * items.length)];
  const chance = (probability) => next() < probability;
  const sample = (items, count) => {
    const chosen = new Set();
    const wanted = Math.min(count, items.length);
    while (chosen.size < wanted) chosen.add(int(0, items.length - 1));
    return [...chosen].map((index) => items[index]);
  };
  return { next, int, pick, chance, sample };
}
