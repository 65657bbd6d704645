/**
 * Bulk suppressions, as ESLint's `eslint-suppressions.json`: per file and
 * rule, how many errors are accepted for now. Counts, not lines, so editing a
 * document does not invalidate them; while a file has no more errors of a
 * rule than its count, they are suppressed, and once it has more (a new
 * one), all of them are reported, since which is new cannot be told.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { UsageError } from '../errors.js';
import type { Finding } from '../model.js';
import { replaceFileAtomically } from '../util/files.js';
import type { SuppressedFinding } from './suppressions.js';

export const SUPPRESSIONS_FILE = 'aimslint-suppressions.json';
/** A suppressions file is a small table; anything far larger is not one. */
const MAX_BYTES = 16 * 1024 * 1024;

/** `{"aims/soa.md": {"soa/evidence-stale": {"count": 3}}}` */
export type BulkSuppressions = Record<string, Record<string, { count: number }>>;

/** How to change the file in this run. */
export interface SuppressionUpdate {
  /** Suppress every current error (`--suppress-all`) or those of these rules (`--suppress-rule`). */
  suppress?: 'all' | string[];
  /** Lower counts to what is still found and drop what is gone (`--prune-suppressions`). */
  prune?: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Read the file: absent is empty; a link, a device or a malformed file is refused, never followed or guessed at. */
export function readBulkSuppressions(path: string): BulkSuppressions {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return {};
    throw new UsageError(`cannot read ${path}: ${code === 'ELOOP' ? 'it is a symbolic link' : (error as Error).message}`);
  }
  let text: string;
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new UsageError(`cannot read ${path}: it is not a regular file`);
    if (stat.size > MAX_BYTES) throw new UsageError(`cannot read ${path}: it is larger than ${MAX_BYTES / 1024 / 1024} MB`);
    const buffer = Buffer.alloc(stat.size);
    let length = 0;
    while (length < buffer.length) {
      const count = readSync(fd, buffer, length, buffer.length - length, null);
      if (count === 0) break;
      length += count;
    }
    text = buffer.subarray(0, length).toString('utf8');
  } finally {
    closeSync(fd);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`${path} is not valid JSON; fix it or delete it and run \`aimslint --suppress-all\` again`);
  }
  return validated(value, path);
}

function validated(value: unknown, path: string): BulkSuppressions {
  const fail = (what: string): never => {
    throw new UsageError(`${path}: ${what}; it maps files to rules to {"count": n}`);
  };
  if (!isRecord(value)) return fail('must be an object');
  // No prototype: a file named `__proto__` is a key like any other.
  const result = Object.create(null) as BulkSuppressions;
  for (const [file, rules] of Object.entries(value)) {
    if (!isRecord(rules)) return fail(`"${file}" must map rule ids to counts`);
    const counts = Object.create(null) as Record<string, { count: number }>;
    for (const [rule, entry] of Object.entries(rules)) {
      const count = isRecord(entry) ? entry['count'] : undefined;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) return fail(`"${file}" → "${rule}" must be {"count": a positive whole number}`);
      counts[rule] = { count };
    }
    result[file] = counts;
  }
  return result;
}

/** Errors per file and rule: what the file counts. */
export function countErrors(files: readonly { path: string; findings: readonly Finding[] }[]): BulkSuppressions {
  const counts = Object.create(null) as BulkSuppressions;
  for (const file of files) {
    for (const finding of file.findings) {
      if (finding.severity !== 'error') continue;
      const rules = (counts[file.path] ??= Object.create(null) as Record<string, { count: number }>);
      rules[finding.ruleId] = { count: (rules[finding.ruleId]?.count ?? 0) + 1 };
    }
  }
  return counts;
}

/**
 * The file after an update. `current` counts this run's errors in the
 * `linted` files; entries of files not linted in this run are kept as they
 * are, except that pruning drops files that no longer exist.
 */
export function updatedSuppressions(stored: BulkSuppressions, current: BulkSuppressions, update: SuppressionUpdate, linted: ReadonlySet<string>, exists: (path: string) => boolean): BulkSuppressions {
  const next = Object.create(null) as BulkSuppressions;
  // Prototype-free copies: a file or rule named `__proto__` stays a key like any other.
  for (const [file, rules] of Object.entries(stored)) next[file] = Object.assign(Object.create(null) as Record<string, { count: number }>, rules);
  const suppress = update.suppress;
  if (suppress !== undefined) {
    for (const [file, rules] of Object.entries(current)) {
      for (const [rule, { count }] of Object.entries(rules)) {
        if (suppress !== 'all' && !suppress.includes(rule)) continue;
        (next[file] ??= Object.create(null) as Record<string, { count: number }>)[rule] = { count };
      }
    }
  }
  if (update.prune) {
    for (const [file, rules] of Object.entries(next)) {
      if (!linted.has(file)) {
        if (!exists(file)) delete next[file];
        continue;
      }
      for (const [rule, { count }] of Object.entries(rules)) {
        const found = current[file]?.[rule]?.count ?? 0;
        if (found === 0) delete rules[rule];
        else rules[rule] = { count: Math.min(count, found) };
      }
    }
  }
  for (const [file, rules] of Object.entries(next)) if (Object.keys(rules).length === 0) delete next[file];
  return next;
}

/** Sorted keys and two-space indents, so the file diffs well in review. */
export function renderSuppressions(suppressions: BulkSuppressions): string {
  const sorted = Object.fromEntries(Object.keys(suppressions).sort().map((file) => [file, Object.fromEntries(Object.keys(suppressions[file] ?? {}).sort().map((rule) => [rule, suppressions[file]?.[rule]]))]));
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

export function writeBulkSuppressions(path: string, suppressions: BulkSuppressions): void {
  try {
    replaceFileAtomically(path, renderSuppressions(suppressions));
  } catch (error) {
    throw new UsageError(`cannot write ${path}: ${(error as Error).message}`);
  }
}

/**
 * Split a file's findings by the stored counts: a rule's errors within its
 * count are suppressed (kind `external`), all of them are kept once there are
 * more. Returns how many stored suppressions found nothing to suppress.
 */
export function applyBulkSuppressions(path: string, findings: readonly Finding[], stored: BulkSuppressions, location: string): { kept: Finding[]; suppressed: SuppressedFinding[]; unmatched: number } {
  const rules = Object.hasOwn(stored, path) ? stored[path] : undefined;
  if (!rules) return { kept: [...findings], suppressed: [], unmatched: 0 };
  const errors = new Map<string, number>();
  for (const finding of findings) if (finding.severity === 'error') errors.set(finding.ruleId, (errors.get(finding.ruleId) ?? 0) + 1);
  const within = (rule: string): boolean => Object.hasOwn(rules, rule) && (errors.get(rule) ?? 0) <= (rules[rule]?.count ?? 0);
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of findings) {
    if (finding.severity === 'error' && within(finding.ruleId)) suppressed.push({ ...finding, suppressions: [{ kind: 'external', justification: `counted in ${location}` }] });
    else kept.push(finding);
  }
  const unmatched = Object.entries(rules).reduce((sum, [rule, { count }]) => sum + Math.max(0, count - (errors.get(rule) ?? 0)), 0);
  return { kept, suppressed, unmatched };
}
