/**
 * Characters that must never reach a log or a terminal raw: C0 controls (a
 * line break would start a `::error::` or `::add-mask::` workflow command, ESC
 * an escape sequence), DEL, C1 controls (U+009B is a one-character CSI), and
 * the Unicode line and paragraph separators.
 */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * Document or file-name text with its control characters written out as
 * `\uXXXX`, so that it shows what is there and does nothing. Plain-text media
 * (messages, the stylish format) use it; the Markdown helpers build on it.
 */
export function visibleControls(text: string): string {
  return text.replace(CONTROLS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
