import { describe, expect, it } from 'vitest';
import { LazyArray, batched, joinChunks, prettyJsonChunks } from './chunks.js';

/** LazyArrays put back as plain arrays: what the chunks must spell. */
function plain(value: unknown): unknown {
  if (value instanceof LazyArray) return [...value.items].map(plain);
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, plain(member)]));
  return value;
}

describe('prettyJsonChunks', () => {
  const long = Array.from({ length: 300 }, (_, n) => ({ n, text: `line\n"${n}"`, nested: { list: [n, null, 'x'], empty: {}, none: [] } }));
  const values: [string, () => unknown][] = [
    ['a scalar', () => 'a "quoted" \u2028 string'],
    ['empty containers', () => ({ a: [], b: {}, c: new LazyArray([]) })],
    ['members without a JSON form', () => ({ a: undefined, b: () => 1, c: [undefined, () => 1], d: 1 })],
    ['a long plain array deep down', () => ({ runs: [{ results: long, after: true }] })],
    ['lazy arrays in lazy arrays', () => new LazyArray([1, 2].map((file) => ({ file, messages: new LazyArray(long.slice(0, file * 2)) })))],
    ['small items batched around one written piece by piece', () => new LazyArray([...long.slice(0, 70), { messages: long }, 'x', null, ...long.slice(0, 130)])],
  ];
  for (const [name, make] of values) {
    it(`writes ${name} exactly as JSON.stringify(value, null, 2) does`, () => {
      expect(joinChunks(prettyJsonChunks(make()))).toBe(`${JSON.stringify(plain(make()), null, 2)}\n`);
    });
  }

  it('makes the items of a lazy array only as they are written, a small batch at a time', () => {
    let made = 0;
    function* items() {
      for (let n = 0; n < 1000; n++) {
        made += 1;
        yield { n };
      }
    }
    const chunks = prettyJsonChunks({ results: new LazyArray(items()) })[Symbol.iterator]();
    for (let read = 0; read < 3; read++) chunks.next();
    expect(made).toBeGreaterThan(0);
    expect(made).toBeLessThanOrEqual(2 * 64 + 1);
  });
});

describe('batched', () => {
  it('joins small chunks into pieces of about the size asked, losing nothing', () => {
    const pieces = [...batched(Array.from({ length: 100 }, (_, n) => `${n},`), 50)];
    expect(pieces.join('')).toBe(Array.from({ length: 100 }, (_, n) => `${n},`).join(''));
    expect(pieces.slice(0, -1).every((piece) => piece.length >= 50 && piece.length < 54)).toBe(true);
  });
});
