/**
 * What document control compares between two versions of a document: its
 * approval fields, and a fingerprint of its content (the body, and every
 * frontmatter field that is not about approval or review).
 */
import { createHash } from 'node:crypto';
import { decode } from '../parse/decode.js';
import { splitFrontmatter, type YamlLimits } from '../parse/frontmatter.js';

/**
 * Fields that record the control of a document rather than its content:
 * reviewing a document, approving it, retiring it or numbering it does not
 * change what it says.
 */
export const CONTROL_FIELDS: ReadonlySet<string> = new Set(['status', 'version', 'approved_by', 'approved_on', 'last_reviewed', 'next_review']);

/** One version of a document, as document control sees it. Plain data. */
export interface ControlState {
  status: string | undefined;
  version: string | undefined;
  approvedOn: string | undefined;
  approvedBy: string | undefined;
  /** Each content field's value as JSON, by key. */
  fields: Record<string, string>;
  /** sha1 of the body (after the frontmatter, LF line endings, trailing blanks dropped). */
  body: string;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** JSON with object keys sorted, so reordering keys is not a change. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The state of a document from its bytes; undefined when they are not a readable document with frontmatter. */
export function controlStateOf(bytes: Uint8Array, limits: YamlLimits): ControlState | undefined {
  const decoded = decode(bytes);
  if (!decoded.ok) return undefined;
  const split = splitFrontmatter(decoded.text, limits);
  const data = split.frontmatter?.data;
  if (!data) return undefined;
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) if (!CONTROL_FIELDS.has(key)) fields[key] = canonical(value);
  return {
    status: text(data['status']),
    version: text(data['version']),
    approvedOn: text(data['approved_on']),
    approvedBy: text(data['approved_by']),
    fields,
    body: createHash('sha1').update(split.body.replace(/\s+$/, '')).digest('hex'),
  };
}

/** What differs in content between two states: `the body` and the changed fields, in a sentence-ready list; empty when nothing. */
export function contentChanges(before: ControlState, after: ControlState): string[] {
  const keys = [...new Set([...Object.keys(before.fields), ...Object.keys(after.fields)])].sort();
  const fields = keys.filter((key) => before.fields[key] !== after.fields[key]).map((key) => `\`${key}\``);
  return before.body === after.body ? fields : ['the body', ...fields];
}

export const sameContent = (a: ControlState, b: ControlState): boolean => contentChanges(a, b).length === 0;

const VERSION = /^(\d+)\.(\d+)(?:\.(\d+))?$/;

/**
 * Compare `MAJOR.MINOR[.PATCH]` numerically (1.10 is after 1.9; 1.2 equals
 * 1.2.0): negative, zero or positive; undefined when either is not a version.
 */
export function compareVersions(a: string, b: string): number | undefined {
  const left = VERSION.exec(a);
  const right = VERSION.exec(b);
  if (!left || !right) return undefined;
  for (let part = 1; part <= 3; part++) {
    const difference = Number(left[part] ?? 0) - Number(right[part] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The next minor version after `version` (`2.1` → `2.2`, `1.4.3` → `1.5`), for a message's example. */
export function nextMinor(version: string): string {
  const parts = VERSION.exec(version);
  return parts ? `${parts[1]}.${Number(parts[2]) + 1}` : '1.0';
}
