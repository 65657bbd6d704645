import { TextDecoder } from 'node:util';

/**
 * A file's text as fixes see it: the BOM set aside, line endings as written.
 * Offsets into `text` are what a Fix's range counts, as in ESLint.
 */
export interface SourceText {
  text: string;
  bom: boolean;
  /** The file's line ending (the first one met), used for the line breaks a fix inserts. */
  eol: string;
  /** Offset of each line's first character. */
  lineStarts: number[];
  /** Offset just past each line's last character (before its line ending). */
  lineEnds: number[];
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text of a file's bytes; undefined when they are not clean UTF-8 (a fix would lose bytes). */
export function sourceTextOf(bytes: Uint8Array): SourceText | undefined {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let text: string;
  try {
    text = strict.decode(bom ? bytes.subarray(3) : bytes);
  } catch {
    return undefined;
  }
  return sourceTextOfString(text, bom);
}

export function sourceTextOfString(text: string, bom: boolean): SourceText {
  const lineStarts = [0];
  const lineEnds: number[] = [];
  let eol: string | undefined;
  for (const match of text.matchAll(/\r\n|\r|\n/g)) {
    const at = match.index ?? 0;
    eol ??= match[0];
    lineEnds.push(at);
    lineStarts.push(at + match[0].length);
  }
  lineEnds.push(text.length);
  return { text, bom, eol: eol ?? '\n', lineStarts, lineEnds };
}

/** The offset of a 1-based line and column, or undefined when the place is not in the text. */
export function offsetAt(source: SourceText, line: number, column: number): number | undefined {
  const start = source.lineStarts[line - 1];
  const end = source.lineEnds[line - 1];
  if (start === undefined || end === undefined || column < 1 || start + column - 1 > end) return undefined;
  return start + column - 1;
}

/** The file's bytes for a text: BOM restored when it had one. */
export function bytesOf(text: string, bom: boolean): Uint8Array {
  return Buffer.from(bom ? `\uFEFF${text}` : text, 'utf8');
}
