/**
 * Bytes to text. Governance documents are UTF-8 (a BOM is allowed); anything
 * else is reported rather than guessed at, so positions are never silently off.
 */

export type Decoded =
  | { ok: true; text: string; hadBom: boolean; invalidUtf8: boolean }
  | { ok: false; reason: 'binary' | 'utf16' };

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const SNIFF_BYTES = 8000;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function isUtf16(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
}

/** Git's heuristic: a NUL byte near the start means binary. */
function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, SNIFF_BYTES).includes(0);
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * Decode and normalise line endings. CRLF and lone CR become LF: each is one
 * line break, so every line and column stays what an editor shows.
 */
export function decode(bytes: Uint8Array): Decoded {
  if (isUtf16(bytes)) return { ok: false, reason: 'utf16' };
  if (looksBinary(bytes)) return { ok: false, reason: 'binary' };
  const hadBom = startsWith(bytes, UTF8_BOM);
  const payload = hadBom ? bytes.subarray(3) : bytes;
  let text: string;
  let invalidUtf8 = false;
  try {
    text = strictDecoder.decode(payload);
  } catch {
    text = lenientDecoder.decode(payload);
    invalidUtf8 = true;
  }
  return { ok: true, text: normaliseLineEndings(text), hadBom, invalidUtf8 };
}

export function normaliseLineEndings(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}
