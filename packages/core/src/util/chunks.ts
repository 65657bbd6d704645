/**
 * Output as a sequence of chunks instead of one string: a million findings
 * make a report larger than the longest string V8 can hold (about 512 MiB,
 * `RangeError: Invalid string length`), and holding it whole would double the
 * memory of the run. Writers take the chunks one at a time.
 */

/** All chunks as one string: for callers that want the text (tests, small outputs). */
export function joinChunks(chunks: Iterable<string>): string {
  let text = '';
  for (const chunk of chunks) text += chunk;
  return text;
}

/**
 * Chunks gathered into pieces of about `size` characters, so that a writer
 * makes one system call per piece rather than one per table cell.
 */
export function* batched(chunks: Iterable<string>, size = 1 << 16): Generator<string> {
  let pending = '';
  for (const chunk of chunks) {
    pending += chunk;
    if (pending.length >= size) {
      yield pending;
      pending = '';
    }
  }
  if (pending !== '') yield pending;
}

/**
 * An array in a JSON document whose items are made as they are written (a
 * generator): the items never all exist at once.
 */
export class LazyArray<T> {
  constructor(readonly items: Iterable<T>) {}
}

/** Arrays longer than this are written item by item even when they are plain arrays. */
const LONG_ARRAY = 256;

const streamed = (value: unknown): value is Iterable<unknown> => value instanceof LazyArray || (Array.isArray(value) && value.length > LONG_ARRAY);

/** Whether a value holds something that must be written piece by piece (a depth-first look, no copying). */
function holdsStreamed(value: unknown): boolean {
  if (streamed(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  return (Array.isArray(value) ? value : Object.values(value)).some(holdsStreamed);
}

/**
 * `JSON.stringify(value, null, 2)` of a value nested `indent` deep: the same
 * text with every line after the first indented further. Made by stringifying
 * the value wrapped in as many one-item arrays and cutting the wrapping off:
 * re-indenting the text afterwards would cost as much again.
 */
function nested(value: unknown, indent: string): string {
  const depth = indent.length / 2;
  let wrapped = value;
  for (let level = 0; level < depth; level++) wrapped = [wrapped];
  // Like JSON.stringify, a value with no JSON form inside an array is `null`.
  const text = JSON.stringify(wrapped, null, 2) ?? 'null';
  // Each level opens with `[`, a line break and its indent, and closes with a line break, its indent and `]`.
  const opening = 2 * depth + depth * (depth + 1);
  const closing = 2 * depth + depth * (depth - 1);
  return text.slice(opening, text.length - closing);
}

/** Items stringified in one call: one call per item costs several times more for small items (a file without findings). */
const ITEMS_PER_CALL = 64;

function* arrayChunks(items: Iterable<unknown>, indent: string): Generator<string> {
  const inner = `${indent}  `;
  let first = true;
  let batch: unknown[] = [];
  const separator = () => {
    const text = first ? `[\n${inner}` : `,\n${inner}`;
    first = false;
    return text;
  };
  // The batch as an array nested as deep as this one, without its own brackets: its items, joined as this array joins them.
  const flush = () => {
    const text = nested(batch, indent);
    batch = [];
    return separator() + text.slice(2 + inner.length, text.length - indent.length - 2);
  };
  for (const item of items) {
    if (!holdsStreamed(item)) {
      batch.push(item);
      if (batch.length === ITEMS_PER_CALL) yield flush();
      continue;
    }
    if (batch.length > 0) yield flush();
    yield separator();
    yield* valueChunks(item, inner);
  }
  if (batch.length > 0) yield flush();
  yield first ? '[]' : `\n${indent}]`;
}

function* objectChunks(value: object, indent: string): Generator<string> {
  const inner = `${indent}  `;
  let first = true;
  for (const [key, member] of Object.entries(value)) {
    // As JSON.stringify does: members that have no JSON form are left out.
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* valueChunks(member, inner);
  }
  yield first ? '{}' : `\n${indent}}`;
}

function* valueChunks(value: unknown, indent: string): Generator<string> {
  if (!holdsStreamed(value)) yield nested(value, indent);
  else if (value instanceof LazyArray) yield* arrayChunks(value.items, indent);
  else if (Array.isArray(value)) yield* arrayChunks(value, indent);
  else yield* objectChunks(value as object, indent);
}

/**
 * `JSON.stringify(value, null, 2) + '\n'`, byte for byte, as chunks: long
 * arrays and `LazyArray`s are written item by item, everything else in one
 * piece. Values are plain data (no `toJSON`), as the formats make them.
 */
export function* prettyJsonChunks(value: unknown): Generator<string> {
  yield* valueChunks(value, '');
  yield '\n';
}
