import { frontmatterRange } from '../../index/fields.js';
import { REQUIRED_SECTIONS } from '../../schemas/sections.js';
import { defineDocumentRule, type Report } from '../types.js';

/** The built-in table, with `options.sections` ({type: [headings]}) laid over it. */
function sectionsByType(options: Record<string, unknown>): Readonly<Record<string, readonly string[]>> {
  const configured = options['sections'];
  if (typeof configured !== 'object' || configured === null) return REQUIRED_SECTIONS;
  const extra = Object.fromEntries(
    Object.entries(configured).filter((entry): entry is [string, unknown[]] => Array.isArray(entry[1])).map(([type, list]) => [type, list.map(String)]),
  );
  return { ...REQUIRED_SECTIONS, ...extra };
}

const normalise = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

export default defineDocumentRule({
  id: 'model-card/section-missing',
  defaultSeverity: 'error',
  description: 'A model card without one of its required level-2 sections (Intended use, Limitations, Training data, Evaluation, Human oversight).',
  serves: ['A.6.2.7', 'A.8.2'],
  messages: {
    missing: 'This {{type}} has no `## {{section}}` section; add one that describes it.',
    wrongLevel: '`{{section}}` must be a level-2 heading (`## {{section}}`), not level {{depth}}.',
  },
  check(document, { options }) {
    const type = document.type;
    if (type === undefined || !document.frontmatter?.data) return [];
    const sections = sectionsByType(options);
    // Own keys only: `type: constructor` must not find Object's constructor function.
    const required = Object.hasOwn(sections, type) ? (sections[type] ?? []) : [];
    return required.flatMap((section): Report[] => {
      const wanted = normalise(section);
      const matches = document.headings.filter((heading) => normalise(heading.text) === wanted);
      if (matches.some((heading) => heading.depth === 2)) return [];
      const misplaced = matches[0];
      if (misplaced) return [{ messageId: 'wrongLevel', data: { section, depth: misplaced.depth }, file: document.path, range: misplaced.range }];
      return [{ messageId: 'missing', data: { section, type }, file: document.path, range: frontmatterRange(document) }];
    });
  },
});
