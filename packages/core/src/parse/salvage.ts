/**
 * What a document that could not be parsed appears to declare. A roles
 * document saved as UTF-16, or with a YAML syntax error, still defines
 * ROLE-CRO in the author's mind: every `owner: ROLE-CRO` elsewhere is not a
 * second mistake. Read line by line, never trusted as data: only used to keep
 * follow-on findings quiet, so the one root-cause finding stands alone.
 */
import type { Salvaged } from '../model.js';

// `[ \t]*`, not `\s*`: with the `m` flag `\s` would cross line breaks and make a run of blank lines quadratic.
const ID_LINE = /^[ \t]*(?:-[ \t]+)?id[ \t]*:[ \t]*["']?([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)["']?[ \t]*(?:#.*)?$/gm;
const TYPE_LINE = /^type[ \t]*:[ \t]*["']?([a-z][a-z0-9-]*)["']?[ \t]*(?:#.*)?$/m;

/** The `id:` and top-level `type:` lines of YAML that did not parse. */
export function salvageYaml(yaml: string): Salvaged {
  return { ids: [...new Set([...yaml.matchAll(ID_LINE)].map((match) => match[1] ?? ''))], type: TYPE_LINE.exec(yaml)?.[1] };
}

/** The frontmatter block of text that was not decoded as UTF-8 (UTF-16 decodes fine; the format asks for UTF-8). */
export function salvageUtf16(bytes: Uint8Array): Salvaged {
  const encoding = bytes[0] === 0xfe ? 'utf-16be' : 'utf-16le';
  const text = new TextDecoder(encoding, { fatal: false }).decode(bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const block = /^---\n([\s\S]*?)\n---/.exec(text)?.[1];
  return block === undefined ? { ids: [], type: undefined } : salvageYaml(block);
}
