/**
 * Glob matching in bounded time, for the config's globs and `.gitignore`.
 *
 * Regex-based matchers (picomatch, the `ignore` package) backtrack
 * exponentially on patterns a pull request can write: `*a*a*a*a*a*a*a*a*b`
 * took 12 s on a 40-character name, `**\/a/**\/a/...` seconds per path. Here a
 * pattern is a list of path segments and each segment a list of character
 * tokens, and both levels use the classic wildcard algorithm that only ever
 * returns to the last star: O(name × pattern) for a segment, O(path segments ×
 * pattern segments) segment comparisons for a path, whatever the pattern.
 *
 * Supported: `*`, `?`, `[abc]`, `[a-z]`, `[!a]`/`[^a]`, `**` as a whole
 * segment, `\` escapes, and `{a,b}` alternatives (expanded, at most
 * MAX_EXPANSIONS per glob). `*` and `?` match dot files too, never `/`.
 */

type CharToken =
  | { kind: 'char'; code: number }
  | { kind: 'any' }
  | { kind: 'star' }
  | { kind: 'class'; negated: boolean; ranges: [number, number][] };

type Segment =
  | { kind: 'globstar' }
  | { kind: 'literal'; text: string }
  | { kind: 'suffix'; text: string }
  | { kind: 'regex'; regex: RegExp }
  | { kind: 'wild'; tokens: CharToken[] };

/**
 * Segments with at most this many stars run as a native RegExp: one star is
 * linear, two quadratic in a name's length (a file name is short). More
 * stars take the token matcher, which never backtracks further than the
 * last star.
 */
const MAX_REGEX_STARS = 2;
/** A longer segment (a 40,000-character glob from a config) takes the token matcher: V8 refuses huge expressions. */
const MAX_REGEX_TOKENS = 256;

export const MAX_EXPANSIONS = 256;
const MAX_BRACE_DEPTH = 8;

function parseClass(pattern: string, start: number): { token: CharToken; end: number } | undefined {
  let i = start + 1;
  const negated = pattern[i] === '!' || pattern[i] === '^';
  if (negated) i++;
  const ranges: [number, number][] = [];
  let first = true;
  while (i < pattern.length && (pattern[i] !== ']' || first)) {
    first = false;
    let from = pattern.charCodeAt(i);
    if (pattern[i] === '\\' && i + 1 < pattern.length) from = pattern.charCodeAt(++i);
    let to = from;
    if (pattern[i + 1] === '-' && i + 2 < pattern.length && pattern[i + 2] !== ']') {
      i += 2;
      to = pattern[i] === '\\' && i + 1 < pattern.length ? pattern.charCodeAt(++i) : pattern.charCodeAt(i);
    }
    // A reversed range (`[z-a]`) matches nothing, as in git; it must not reach a RegExp, which would throw.
    if (from <= to) ranges.push([from, to]);
    i++;
  }
  return i < pattern.length ? { token: { kind: 'class', negated, ranges }, end: i } : undefined;
}

function parseSegment(text: string): Segment {
  if (text === '**') return { kind: 'globstar' };
  const tokens: CharToken[] = [];
  let wild = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\' && i + 1 < text.length) {
      tokens.push({ kind: 'char', code: text.charCodeAt(++i) });
    } else if (char === '*') {
      wild = true;
      // `**` inside a segment (`a**b`) is a plain star; consecutive stars add nothing.
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (char === '?') {
      wild = true;
      tokens.push({ kind: 'any' });
    } else if (char === '[') {
      const parsed = parseClass(text, i);
      if (parsed) {
        wild = true;
        tokens.push(parsed.token);
        i = parsed.end;
      } else {
        tokens.push({ kind: 'char', code: 91 });
      }
    } else {
      tokens.push({ kind: 'char', code: text.charCodeAt(i) });
    }
  }
  if (!wild) return { kind: 'literal', text: literalOf(tokens) };
  const rest = tokens.slice(1);
  // `*.md`, the commonest segment of all: a string comparison.
  if (tokens[0]?.kind === 'star' && rest.every((token) => token.kind === 'char')) return { kind: 'suffix', text: literalOf(rest) };
  if (tokens.length <= MAX_REGEX_TOKENS && tokens.filter((token) => token.kind === 'star').length <= MAX_REGEX_STARS) return { kind: 'regex', regex: new RegExp(`^${tokens.map(regexOf).join('')}$`, 's') };
  return { kind: 'wild', tokens };
}

const literalOf = (tokens: readonly CharToken[]): string => tokens.map((token) => (token.kind === 'char' ? String.fromCharCode(token.code) : '')).join('');

const escapeCode = (code: number): string => `\\u${code.toString(16).padStart(4, '0')}`;

function regexOf(token: CharToken): string {
  switch (token.kind) {
    case 'char':
      return escapeCode(token.code);
    case 'any':
      return '.';
    case 'star':
      return '.*';
    case 'class':
      return `[${token.negated ? '^' : ''}${token.ranges.map(([from, to]) => (from === to ? escapeCode(from) : `${escapeCode(from)}-${escapeCode(to)}`)).join('')}]`;
  }
}

function tokenMatches(token: CharToken, code: number): boolean {
  switch (token.kind) {
    case 'char':
      return token.code === code;
    case 'any':
      return true;
    case 'class': {
      const inside = token.ranges.some(([from, to]) => code >= from && code <= to);
      return inside !== token.negated;
    }
    case 'star':
      return false;
  }
}

/**
 * The classic wildcard algorithm, for both levels: a star matches any run of
 * items (characters of a name, or segments of a path), every other pattern
 * element exactly one. On a mismatch it returns only to the last star, so it
 * takes O(items × pattern) steps whatever the pattern.
 */
function wildcardMatch<P, I>(pattern: readonly P[], items: readonly I[] | string, isStar: (element: P) => boolean, matchesOne: (element: P, index: number) => boolean): boolean {
  let p = 0;
  let i = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (i < items.length) {
    const element = pattern[p];
    if (element !== undefined && !isStar(element) && matchesOne(element, i)) {
      p++;
      i++;
    } else if (element !== undefined && isStar(element)) {
      starAt = p++;
      resumeAt = i;
    } else if (starAt >= 0) {
      p = starAt + 1;
      i = ++resumeAt;
    } else {
      return false;
    }
  }
  while (p < pattern.length && isStar(pattern[p] as P)) p++;
  return p === pattern.length;
}

const matchTokens = (tokens: readonly CharToken[], name: string): boolean =>
  wildcardMatch(tokens, name, (token) => token.kind === 'star', (token, index) => tokenMatches(token, name.charCodeAt(index)));

/** One level up: `**` is the star, every other segment matches exactly one path segment. */
const matchSegments = (segments: readonly Segment[], names: readonly string[]): boolean =>
  wildcardMatch(segments, names, (segment) => segment.kind === 'globstar', (segment, index) => segmentMatches(segment, names[index] ?? ''));

function segmentMatches(segment: Segment, name: string): boolean {
  switch (segment.kind) {
    case 'literal':
      return segment.text === name;
    case 'suffix':
      return name.endsWith(segment.text);
    case 'regex':
      return segment.regex.test(name);
    case 'wild':
      return matchTokens(segment.tokens, name);
    case 'globstar':
      return false;
  }
}

/** `{a,b}` alternatives, expanded left to right; at most `MAX_EXPANSIONS` results, the rest dropped. */
export function expandBraces(pattern: string, depth = 0): string[] {
  // Deeper alternatives are kept as written: no real glob nests them, and recursion must stay shallow.
  if (depth > MAX_BRACE_DEPTH) return [pattern];
  let results = [''];
  let i = 0;
  const literalUntil = (from: number): number => {
    let j = from;
    while (j < pattern.length && pattern[j] !== '{') j += pattern[j] === '\\' ? 2 : 1;
    return j;
  };
  while (i < pattern.length) {
    const next = literalUntil(i);
    const literal = pattern.slice(i, next);
    results = results.map((prefix) => prefix + literal);
    if (next >= pattern.length) break;
    const close = matchingBrace(pattern, next);
    if (close === undefined) {
      results = results.map((prefix) => prefix + pattern.slice(next));
      break;
    }
    const options = splitTopLevel(pattern.slice(next + 1, close)).flatMap((option) => expandBraces(option, depth + 1));
    if (options.length < 2) {
      results = results.map((prefix) => `${prefix}{${options[0] ?? ''}}`);
    } else {
      results = results.flatMap((prefix) => options.map((option) => prefix + option)).slice(0, MAX_EXPANSIONS);
    }
    i = close + 1;
  }
  return results.slice(0, MAX_EXPANSIONS);
}

function matchingBrace(pattern: string, open: number): number | undefined {
  let depth = 0;
  for (let j = open; j < pattern.length; j++) {
    if (pattern[j] === '\\') j++;
    else if (pattern[j] === '{') depth++;
    else if (pattern[j] === '}' && --depth === 0) return j;
  }
  return undefined;
}

function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let j = 0; j < body.length; j++) {
    if (body[j] === '\\') j++;
    else if (body[j] === '{') depth++;
    else if (body[j] === '}') depth--;
    else if (body[j] === ',' && depth === 0) {
      parts.push(body.slice(start, j));
      start = j + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

/** A path's names; empty ones (`a//b`, a leading or trailing `/`) dropped, with no second array for the usual clean path. */
export function pathNames(path: string): string[] {
  const names = path.split('/');
  return names.includes('') ? names.filter((name) => name !== '') : names;
}

/** One glob without braces, compiled to segments. */
export function compileSegments(glob: string): Segment[] {
  return pathNames(glob).map(parseSegment);
}

/** A matcher of `/`-separated relative paths for globs; matches nothing when there are none. */
export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  const matches = globNamesMatcher(globs);
  return (path) => matches(pathNames(path));
}

/** `globMatcher` for a path already split by `pathNames`: discovery splits each path once for all the config's globs. */
export function globNamesMatcher(globs: readonly string[]): (names: readonly string[]) => boolean {
  const compiled = globs.flatMap(expandBraces).map((glob) => namesMatcher(compileSegments(glob.replace(/^\.\//, ''))));
  if (compiled.length === 0) return () => false;
  return (names) => compiled.some((matches) => matches(names));
}

/**
 * A matcher of a path's names for one compiled glob. With at most one `**`,
 * the segments before it must match the first names and those after it the
 * last ones, and nothing else: a direct comparison, which is what config
 * globs (`**\/*.md`, `aims/**`) are, and what discovery runs for every file.
 */
function namesMatcher(segments: readonly Segment[]): (names: readonly string[]) => boolean {
  const globstars = segments.filter((segment) => segment.kind === 'globstar').length;
  if (globstars > 1) return (names) => matchSegments(segments, names);
  const star = segments.findIndex((segment) => segment.kind === 'globstar');
  const head = star === -1 ? segments : segments.slice(0, star);
  const tail = star === -1 ? [] : segments.slice(star + 1);
  return (names) => {
    if (star === -1 ? names.length !== head.length : names.length < head.length + tail.length) return false;
    for (let at = 0; at < head.length; at++) if (!segmentMatches(head[at]!, names[at] ?? '')) return false;
    const offset = names.length - tail.length;
    for (let at = 0; at < tail.length; at++) if (!segmentMatches(tail[at]!, names[offset + at] ?? '')) return false;
    return true;
  };
}

interface IgnoreRule {
  negated: boolean;
  directoryOnly: boolean;
  segments: Segment[];
}

/** One `.gitignore` line as git reads it, or undefined for blanks and comments. */
function parseIgnoreLine(raw: string): IgnoreRule | undefined {
  // Trailing spaces are dropped unless escaped with a backslash.
  let line = raw.replace(/\r$/, '');
  let end = line.length;
  while (end > 0 && line[end - 1] === ' ' && line[end - 2] !== '\\') end--;
  line = line.slice(0, end);
  if (line === '' || line.startsWith('#')) return undefined;
  let negated = false;
  if (line.startsWith('!')) {
    negated = true;
    line = line.slice(1);
  } else if (line.startsWith('\\!') || line.startsWith('\\#')) {
    line = line.slice(1);
  }
  const directoryOnly = line.endsWith('/');
  if (directoryOnly) line = line.replace(/\/+$/, '');
  if (line === '') return undefined;
  // A slash at the start or in the middle anchors the pattern to the .gitignore's folder; otherwise it matches at any depth.
  const anchored = line.includes('/');
  const segments = compileSegments(line);
  // `foo/**` matches what is inside foo, not foo itself, so `!foo/keep.md` can still re-include a file.
  if (segments[segments.length - 1]?.kind === 'globstar') segments.splice(segments.length - 1, 0, { kind: 'wild', tokens: [{ kind: 'star' }] });
  return { negated, directoryOnly, segments: anchored ? segments : [{ kind: 'globstar' }, ...segments] };
}

/** The rules of one `.gitignore` file. */
export class GitignoreRules {
  private readonly rules: IgnoreRule[];

  constructor(text: string) {
    this.rules = text.split('\n').flatMap((line) => parseIgnoreLine(line) ?? []);
  }

  /** True (ignored), false (re-included by a `!` rule) or undefined (no rule speaks): the last matching rule wins. */
  decide(path: string, isDirectory: boolean): boolean | undefined {
    const names = pathNames(path);
    for (let i = this.rules.length - 1; i >= 0; i--) {
      const rule = this.rules[i];
      if (!rule || (rule.directoryOnly && !isDirectory)) continue;
      if (matchSegments(rule.segments, names)) return !rule.negated;
    }
    return undefined;
  }
}
