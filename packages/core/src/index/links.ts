import type { IndexedDocument } from '../model.js';

export type LinkTarget =
  | { kind: 'external' }
  | { kind: 'outside'; reason: string }
  | { kind: 'missing-file'; path: string }
  | { kind: 'missing-anchor'; path: string; anchor: string; suggestion: string | undefined }
  | { kind: 'ok'; path: string; anchor: string | undefined; document: IndexedDocument | undefined };

/** What link resolution needs to know about the repository. */
export interface LinkUniverse {
  byPath: ReadonlyMap<string, IndexedDocument>;
  /** Whether a file or folder other than a parsed document exists inside the root. */
  pathExists(path: string): boolean;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** `C:\x`, `C:/x`, `\\server\share`: not URL schemes, local paths outside any repository. */
const WINDOWS_ABSOLUTE = /^(?:[a-z]:[\\/]|\\\\)/i;

function safeDecode(text: string): string {
  // Most links hold no escape: decoding them would only cost.
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Where a relative link points, as GitHub resolves it: relative to the linking
 * file, or to the root when it starts with `/`. A target that would leave the
 * root is reported, never opened.
 */
export function repositoryPathOf(fromPath: string, url: string): { path: string; anchor: string | undefined } | { outside: string } | null {
  if (url.startsWith('//')) return null;
  if (WINDOWS_ABSOLUTE.test(url)) return { outside: 'a Windows absolute path points at a local file, not at a document in the repository' };
  if (SCHEME.test(url)) return /^file:/i.test(url) ? { outside: 'a `file:` URL points at a local file, not at a document in the repository' } : null;
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const anchor = hashAt === -1 ? undefined : safeDecode(url.slice(hashAt + 1));
  const pathPart = safeDecode(beforeHash.split('?')[0] ?? '').replace(/\\/g, '/');
  if (pathPart === '') return { path: fromPath, anchor };
  // `\/x` and `/%2Fx` come out as `//x`: a browser reads that as another server, not as a path here.
  if (pathPart.startsWith('//')) return { outside: 'once its escapes are read it starts with `//`, which names another server' };
  const joined = joinInside(pathPart.startsWith('/') ? '' : fromPath.slice(0, Math.max(fromPath.lastIndexOf('/'), 0)), pathPart);
  return joined === undefined ? { outside: 'it leads outside the repository' } : { path: joined, anchor };
}

/**
 * `folder` and a relative path, normalised (`.` and empty names dropped,
 * `..` taking one folder back), or undefined when `..` leaves the root: what
 * `posix.normalize(posix.join(...))` gives, in one pass over the names, for a
 * run's tens of thousands of links.
 */
function joinInside(folder: string, relativePath: string): string | undefined {
  const names = folder === '' ? [] : folder.split('/');
  for (const name of relativePath.split('/')) {
    if (name === '' || name === '.') continue;
    if (name !== '..') names.push(name);
    else if (names.pop() === undefined) return undefined;
  }
  return names.length === 0 ? '.' : names.join('/');
}

/** Where each anchor of a document first appears, as written and lower-cased. */
interface AnchorLookup {
  exact: Map<string, number>;
  lower: Map<string, number>;
}

/**
 * Built once per document's anchors and kept while they live: a file of
 * thousands of links to missing anchors in a file of thousands of headings
 * costs one lookup per link, not one pass over the headings. Keyed by the
 * anchors, not the document, so every lookup reads `document.anchors` (an
 * editor's Workspace tracks which parts of a document each rule reads).
 */
const anchorLookups = new WeakMap<readonly string[], AnchorLookup>();

function anchorLookup(document: IndexedDocument): AnchorLookup {
  const cached = anchorLookups.get(document.anchors);
  if (cached) return cached;
  const exact = new Map<string, number>();
  const lower = new Map<string, number>();
  document.anchors.forEach((anchor, position) => {
    if (!exact.has(anchor)) exact.set(anchor, position);
    const folded = anchor.toLowerCase();
    if (!lower.has(folded)) lower.set(folded, position);
  });
  const lookup = { exact, lower };
  anchorLookups.set(document.anchors, lookup);
  return lookup;
}

/** The first anchor that matches ignoring case, or that is the wanted text with blanks as dashes. */
function nearestAnchor(document: IndexedDocument, lookup: AnchorLookup, wanted: string): string | undefined {
  const lower = wanted.toLowerCase();
  const byCase = lookup.lower.get(lower) ?? Number.POSITIVE_INFINITY;
  const byDashes = lookup.exact.get(lower.replace(/\s+/g, '-')) ?? Number.POSITIVE_INFINITY;
  const position = Math.min(byCase, byDashes);
  return position === Number.POSITIVE_INFINITY ? undefined : document.anchors[position];
}

export function resolveLink(universe: LinkUniverse, fromPath: string, url: string): LinkTarget {
  const target = repositoryPathOf(fromPath, url);
  if (target === null) return { kind: 'external' };
  if ('outside' in target) return { kind: 'outside', reason: target.outside };
  const document = universe.byPath.get(target.path);
  if (!document) {
    if (target.path === '.' || universe.pathExists(target.path)) return { kind: 'ok', path: target.path, anchor: target.anchor, document: undefined };
    return { kind: 'missing-file', path: target.path };
  }
  if (target.anchor !== undefined && target.anchor !== '') {
    const lookup = anchorLookup(document);
    if (!lookup.exact.has(target.anchor)) {
      return { kind: 'missing-anchor', path: target.path, anchor: target.anchor, suggestion: nearestAnchor(document, lookup, target.anchor) };
    }
  }
  return { kind: 'ok', path: target.path, anchor: target.anchor, document };
}
