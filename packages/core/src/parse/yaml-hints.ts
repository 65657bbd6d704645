/**
 * The YAML mistakes policy authors make, in their words rather than the
 * parser's. `yaml` says "Nested mappings are not allowed in compact mappings"
 * where the author wrote `title: AI Policy: our rules`; this looks at the line
 * and says to put the value in quotes. Each check reads one or two lines, so
 * the cost stays linear in the frontmatter.
 */

export interface PlainError {
  message: string;
  /** Offset in the YAML where the mistake is, when not where the parser noticed it (an unclosed quote). */
  offset: number;
}

/** `key: value` on one line, the key plain; the value as written. */
const KEY_VALUE = /^([ \t]*(?:-[ \t]+)?)([A-Za-z_][\w.-]*)[ \t]*:[ \t]+(\S.*)$/;
/** `key:value`: a key glued to its value. A URL scheme (`https://`) is not a key. */
const GLUED = /^[ \t]*(?:-[ \t]+)?([A-Za-z_][\w.-]*):(?!\/\/)([^\s].*)$/;
const LIST_ITEM = /^[ \t]*-[ \t]/;

function lineAt(yaml: string, offset: number): { text: string; start: number } {
  const start = yaml.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const end = yaml.indexOf('\n', start);
  return { text: yaml.slice(start, end === -1 ? yaml.length : end), start };
}

/** The value in quotes that YAML reads as one string: double quotes unless the value has them. */
function quoted(value: string): string {
  return value.includes('"') ? `'${value.replace(/'/g, "''")}'` : `"${value}"`;
}

function unquotedColon(line: string): string | undefined {
  const match = KEY_VALUE.exec(line);
  if (!match) return undefined;
  const [, , key, value = ''] = match;
  if (/^["'[{|>&*!]/.test(value) || !/:[ \t]/.test(value)) return undefined;
  const clean = value.replace(/[ \t]+#.*$/, '').trimEnd();
  return `The value of \`${key}\` contains ": ", which YAML reads as the start of another key. Put the value in quotes: \`${key}: ${quoted(clean)}\`.`;
}

function gluedColon(line: string): string | undefined {
  const match = GLUED.exec(line);
  if (!match) return undefined;
  const [, key, value] = match;
  return `\`${key}:${value}\` needs a space after the colon: write \`${key}: ${value}\`.`;
}

/** The line where a quote opens a value and the line does not close it. */
function unclosedQuote(yaml: string, before: number): PlainError | undefined {
  let start = 0;
  let found: PlainError | undefined;
  while (start < before) {
    const end = yaml.indexOf('\n', start);
    const line = yaml.slice(start, end === -1 ? yaml.length : end);
    const match = KEY_VALUE.exec(line);
    const value = match?.[3] ?? '';
    const quote = value[0];
    if ((quote === '"' || quote === "'") && !value.slice(1).includes(quote)) {
      found = { message: `The quote (${quote}) that opens the value of \`${match?.[2] ?? ''}\` is never closed: end the value with ${quote} on the same line, or remove the quote.`, offset: start + line.indexOf(quote, (match?.[1] ?? '').length) };
      break;
    }
    if (end === -1) break;
    start = end + 1;
  }
  return found;
}

/** A `- item` line right after `key: value` lines: the author meant a list under the key. */
function listInMapping(yaml: string, line: { text: string; start: number }): string | undefined {
  if (!LIST_ITEM.test(line.text) || line.start === 0) return undefined;
  const previous = lineAt(yaml, line.start - 1).text;
  const key = KEY_VALUE.exec(previous)?.[2];
  if (key === undefined) return undefined;
  return `This list item (\`- ...\`) follows \`${key}: ...\`, which already has a value. To give \`${key}\` a list, write \`${key}:\` alone on its line and put each item under it, indented: \`  - ...\`.`;
}

/** The plain-language message for a parser error, or undefined when none of the common mistakes fits. */
export function plainYamlError(yaml: string, offset: number): PlainError | undefined {
  const line = lineAt(yaml, offset);
  const at = (message: string | undefined): PlainError | undefined => (message === undefined ? undefined : { message, offset: line.start + (line.text.length - line.text.trimStart().length) });
  return at(unquotedColon(line.text)) ?? at(gluedColon(line.text)) ?? at(listInMapping(yaml, line));
}

/** An unclosed quote: the parser notices it at the end of the frontmatter; the mistake is where the quote opened. */
export function plainUnclosedQuote(yaml: string, message: string, offset: number): PlainError | undefined {
  return /Missing closing ["']quote/.test(message) ? unclosedQuote(yaml, offset) : undefined;
}

/** A frontmatter that parsed as one plain string, `status:approved`: a glued colon, said plainly. */
export function plainScalarFrontmatter(yaml: string): PlainError | undefined {
  const offset = yaml.search(/\S/);
  if (offset === -1) return undefined;
  const line = lineAt(yaml, offset);
  const message = gluedColon(line.text);
  return message === undefined ? undefined : { message, offset: line.start };
}
