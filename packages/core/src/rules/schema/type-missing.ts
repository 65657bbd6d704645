import { posix } from 'node:path';
import type { ParsedDocument } from '../../model.js';
import { dataOf, frontmatterRange } from '../../index/fields.js';
import { defineDocumentRule } from '../types.js';

/** Folder names that hold an AIMS's documents in the repositories we have seen. */
const GOVERNANCE_FOLDERS: ReadonlySet<string> = new Set(['aims', 'ai-governance', 'governance', 'policies']);

/** File names of governance documents: `ai-policy.md`, `soa.md`, `risk_assessment.md`. */
const GOVERNANCE_NAME = /(?:^|[-_ .])(?:policy|policies|soa|statement-of-applicability|risk-assessment|impact-assessment|risk-methodology|roles|aims-scope)(?:[-_ .]|$)/i;

/** Fields only a governance document has: frontmatter with one of these and no `type` was meant to be one. */
const GOVERNANCE_FIELDS = ['id', 'owner', 'status', 'approved_by', 'next_review', 'clauses', 'controls'] as const;

function looksGoverned(document: ParsedDocument): boolean {
  const folders = posix.dirname(document.path).split('/');
  const name = posix.basename(document.path).replace(/\.(md|markdown)$/i, '').replace(/_/g, '-');
  return folders.some((folder) => GOVERNANCE_FOLDERS.has(folder.toLowerCase())) || GOVERNANCE_NAME.test(name);
}

export default defineDocumentRule({
  id: 'schema/type-missing',
  defaultSeverity: 'error',
  description: 'A file outside the configured governance folders that looks like a governance document (in a folder such as aims/, named like a policy or SoA, or with governance fields) but has no frontmatter or no `type`, so nothing checks it.',
  serves: ['7.5.2'],
  messages: {
    noFrontmatter: 'This file looks like a governance document (its folder or name), but it has no frontmatter, so aimslint does not check it. Start it with a `---` block giving `type` and the other fields; if it is not one, list the folders that are under `governance` in aimslint.config.yaml.',
    noType: 'This frontmatter has {{fields}} but no `type`, so aimslint does not check it as a governance document. Add `type:` (for example `ai-policy`, `soa`, `procedure`); `aimslint explain` lists the types.',
  },
  check(document) {
    // Inside a configured governance folder, frontmatter/missing and schema/type-unknown say this already.
    if (document.governance || document.skipped || document.type !== undefined) return [];
    if (document.frontmatter === null) return looksGoverned(document) ? [{ messageId: 'noFrontmatter', file: document.path, range: { line: 1, column: 1, endLine: 1, endColumn: 1 } }] : [];
    if (document.frontmatter.data === null) return [];
    const data = dataOf(document);
    const fields = GOVERNANCE_FIELDS.filter((field) => Object.hasOwn(data, field));
    if (fields.length === 0 && !looksGoverned(document)) return [];
    const named = fields.length === 0 ? 'fields' : fields.map((field) => `\`${field}\``).join(', ');
    return [{ messageId: 'noType', data: { fields: named }, file: document.path, range: frontmatterRange(document) }];
  },
});
