import type { Heading } from '../../model.js';
import { frontmatterRange } from '../../index/fields.js';
import { REQUIRED_SECTIONS, SECTION_ALIASES } from '../../schemas/sections.js';
import { defineDocumentRule, type Report } from '../types.js';

/** A required section and every heading text that counts as it, normalised. */
interface Section {
  name: string;
  names: string[];
}

/**
 * A heading as its meaning: lower case, without a leading number (`2.`,
 * `3.1`, `IV.`), punctuation, `&` (read as `and`) or a plural `s`, so
 * `## 2. Intended Uses:` is `intended use`.
 */
export function headingKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/^\s*(?:\d+(?:\.\d+)*|[ivx]+|[a-z])[.):]\s+/, '')
    .replace(/^\s*\d+(?:\.\d+)*\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((word) => word !== '')
    .map((word) => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word))
    .join(' ');
}

const stringsOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : typeof value === 'string' ? [value] : []);

/**
 * The sections of `type`: the built-in table, or `options.sections[type]`,
 * either a list (an item is a name or `[name, ...aliases]`) or a map of
 * name to aliases. The built-in aliases of a section of the same name still count.
 */
function sectionsOf(type: string, options: Record<string, unknown>): Section[] {
  const configured = options['sections'];
  const own = typeof configured === 'object' && configured !== null && Object.hasOwn(configured, type) ? (configured as Record<string, unknown>)[type] : undefined;
  const declared: [string, string[]][] = Array.isArray(own)
    ? own.flatMap((item): [string, string[]][] => {
      const [name, ...aliases] = stringsOf(item);
      return name === undefined ? [] : [[name, aliases]];
    })
    : typeof own === 'object' && own !== null
      ? Object.entries(own).map(([name, aliases]): [string, string[]] => [name, stringsOf(aliases)])
      : (Object.hasOwn(REQUIRED_SECTIONS, type) ? (REQUIRED_SECTIONS[type] ?? []) : []).map((name): [string, string[]] => [name, []]);
  const builtIn = Object.hasOwn(SECTION_ALIASES, type) ? (SECTION_ALIASES[type] ?? {}) : {};
  // A configured section named like any built-in name or alias (`Uses`) gets that section's names.
  const builtInByKey = new Map(Object.entries(builtIn).flatMap(([name, aliases]) => [name, ...aliases].map((alias): [string, readonly string[]] => [headingKey(alias), [name, ...aliases]])));
  return declared.map(([name, aliases]) => ({
    name,
    names: [...new Set([name, ...(builtInByKey.get(headingKey(name)) ?? []), ...aliases])],
  }));
}

/** A required section with the heading keys that count as it. */
interface SectionKeys {
  section: Section;
  keys: ReadonlySet<string>;
}

/** The sections of each type, worked out once per rule options (a run has one set), not once per document. */
const sectionTables = new WeakMap<Record<string, unknown>, Map<string, SectionKeys[]>>();

function sectionKeysOf(type: string, options: Record<string, unknown>): SectionKeys[] {
  let byType = sectionTables.get(options);
  if (!byType) sectionTables.set(options, (byType = new Map()));
  let table = byType.get(type);
  if (!table) byType.set(type, (table = sectionsOf(type, options).map((section) => ({ section, keys: new Set(section.names.map(headingKey)) }))));
  return table;
}

/** Each heading with the level-2 heading it stands under (undefined at level 1 and 2, or before any). */
function withParents(headings: readonly Heading[]): { heading: Heading; parent: Heading | undefined }[] {
  let parent: Heading | undefined;
  return headings.map((heading) => {
    if (heading.depth <= 2) {
      parent = heading.depth === 2 ? heading : undefined;
      return { heading, parent: undefined };
    }
    return { heading, parent };
  });
}

export default defineDocumentRule({
  id: 'model-card/section-missing',
  defaultSeverity: 'error',
  description: 'A model card without one of its required sections (Intended use, Limitations, Training data, Evaluation, Human oversight), under any of the names established templates give them.',
  serves: ['A.6.2.7', 'A.8.2'],
  messages: {
    missing: 'This {{type}} has no `## {{section}}` section; add one that describes it.',
    wrongLevel: '`{{section}}` must be a level-2 heading (`## {{section}}`), not level {{depth}}.',
  },
  check(document, { options }) {
    const type = document.type;
    if (type === undefined || !document.frontmatter?.data) return [];
    const sections = sectionKeysOf(type, options);
    if (sections.length === 0) return [];
    const headings = withParents(document.headings).map((entry) => ({ ...entry, key: headingKey(entry.heading.text) }));
    const sectionOf = (key: string): Section | undefined => sections.find(({ keys }) => keys.has(key))?.section;
    return sections.flatMap(({ section, keys }): Report[] => {
      const matches = headings.filter((entry) => keys.has(entry.key));
      // A sub-heading counts under a level-2 parent that is not another required section (`### Training Data` under `## Training Details`).
      const counts = matches.some(({ heading, parent }) => heading.depth === 2 || (parent !== undefined && [undefined, section].includes(sectionOf(headingKey(parent.text)))));
      if (counts) return [];
      const hint = `Headings that count: ${section.names.map((name) => `\`${name}\``).join(', ')} (any case or numbering; set more with the rule's \`sections\` option).`;
      const misplaced = matches[0]?.heading;
      if (misplaced) return [{ messageId: 'wrongLevel', data: { section: section.name, depth: misplaced.depth }, file: document.path, range: misplaced.range, hint }];
      return [{ messageId: 'missing', data: { section: section.name, type }, file: document.path, range: frontmatterRange(document), hint }];
    });
  },
});
