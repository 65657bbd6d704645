/**
 * GitHub's CODEOWNERS: which accounts and teams own each file, so that
 * branch protection asks them to approve a change. Read only when
 * doc-control/owner-not-codeowner is on.
 *
 * Matching follows GitHub's rules: gitignore-style patterns, the last
 * matching line wins, a line with no owners leaves its files unowned. It is
 * written by hand, segment by segment, rather than compiled to a regular
 * expression: a pattern such as `**\/**\/**\/x` costs at most
 * pattern-segments × path-segments steps, never a backtracking blow-up.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where GitHub looks, in its order; the first that exists is used. */
export const CODEOWNERS_LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];
/** GitHub ignores a CODEOWNERS file larger than this. */
const MAX_BYTES = 3 * 1024 * 1024;

export interface CodeownersRule {
  /** Pattern segments; `**` stands for any number of folders. */
  segments: string[];
  /** Only folders match (a trailing `/`): the files beneath them. */
  folderOnly: boolean;
  /** Owners as written, lower case (`@octocat`, `@acme/ai-governance`, an e-mail address). */
  owners: string[];
  line: number;
}

export interface Codeowners {
  /** Repository-relative path of the file read. */
  path: string;
  rules: CodeownersRule[];
}

/** A pattern's segments: anchored ones as written, others may start in any folder. */
function segmentsOf(pattern: string): { segments: string[]; folderOnly: boolean } {
  const folderOnly = pattern.endsWith('/');
  const trimmed = pattern.replace(/\/+$/, '');
  const anchored = trimmed.includes('/');
  const segments = trimmed.replace(/^\/+/, '').split('/').filter((segment) => segment !== '');
  return { segments: anchored ? segments : ['**', ...segments], folderOnly };
}

/** One line: a pattern (with `\ ` and `\#` escapes), then owners up to a comment. */
function ruleOf(text: string, line: number): CodeownersRule | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return undefined;
  const match = /^((?:\\.|[^\s\\])+)(.*)$/.exec(trimmed);
  if (!match) return undefined;
  const pattern = (match[1] ?? '').replace(/\\(.)/g, '$1');
  const owners = (match[2] ?? '').split('#')[0]!.split(/\s+/).filter((owner) => owner !== '').map((owner) => owner.toLowerCase());
  return { ...segmentsOf(pattern), owners, line };
}

export function parseCodeowners(path: string, text: string): Codeowners {
  const rules: CodeownersRule[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const rule = ruleOf(line, index + 1);
    if (rule) rules.push(rule);
  });
  return { path, rules };
}

/** `*` and `?` within one segment: the usual greedy match that backs up to the last star, at most text × pattern steps. */
export function segmentMatches(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === text[t])) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = t;
    } else if (star !== -1) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/**
 * Whether a rule matches `path`: its segments match the path, or one of the
 * path's folders (a folder's owners own what is inside it). Dynamic
 * programming over (pattern segment, path segment): bounded by their product.
 */
export function ruleMatches(rule: CodeownersRule, path: string): boolean {
  const parts = path.split('/');
  const { segments } = rule;
  // reach[j]: the segments so far can consume exactly the first j parts of the path.
  let reach = parts.map((_, j) => j === 0);
  reach.push(false);
  for (const segment of segments) {
    const next = new Array<boolean>(parts.length + 1).fill(false);
    for (let j = 0; j <= parts.length; j++) {
      if (!reach[j]) continue;
      if (segment === '**') {
        for (let k = j; k <= parts.length; k++) next[k] = true;
      } else if (j < parts.length && segmentMatches(segment, parts[j]!)) {
        next[j + 1] = true;
      }
    }
    reach = next;
  }
  // A match of the whole path, or of a folder above it; folder-only patterns need the latter, and
  // a last segment of just `*` the former (GitHub: `docs/*` owns docs/a.md, not docs/guides/b.md).
  if (segments[segments.length - 1] === '*') return !rule.folderOnly && reach[parts.length] === true;
  const last = rule.folderOnly ? parts.length - 1 : parts.length;
  for (let j = 1; j <= last; j++) if (reach[j]) return true;
  return false;
}

/** The owners of `path`: those of the last matching line (possibly none), or undefined when no line matches. */
export function ownersOf(codeowners: Codeowners, path: string): CodeownersRule | undefined {
  for (let i = codeowners.rules.length - 1; i >= 0; i--) {
    const rule = codeowners.rules[i]!;
    if (ruleMatches(rule, path)) return rule;
  }
  return undefined;
}

/** The repository's CODEOWNERS, when there is one it can read: a link or an oversized file is not read. */
export function readCodeowners(root: string): Codeowners | undefined {
  for (const location of CODEOWNERS_LOCATIONS) {
    const absolute = join(root, location);
    try {
      const stat = lstatSync(absolute);
      if (!stat.isFile() || stat.size > MAX_BYTES) continue;
      return parseCodeowners(location, readFileSync(absolute, 'utf8'));
    } catch {
      // Not there: GitHub looks in the next place.
    }
  }
  return undefined;
}
