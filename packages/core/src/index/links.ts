import { posix } from 'node:path';
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
  const parts = urlPartsOf(url);
  if (parts === null || 'outside' in parts) return parts;
  const { pathPart, anchor } = parts;
  if (pathPart === '') return { path: fromPath, anchor };
  const joined = joinedPath(fromPath, pathPart);
  if (joined === '..' || joined.startsWith('../')) return { outside: 'it leads outside the repository' };
  return { path: joined.replace(/\/$/, '') || '.', anchor };
}

/** What a URL says before it is placed: not a repository path (null), a local file outside, or a path part and an anchor. */
type UrlParts = null | { readonly outside: string } | { readonly pathPart: string; readonly anchor: string | undefined };

/**
 * Remembered per URL, like the joined paths below: an editor resolves every
 * link of the documents an edit touches again, and most are the same few.
 */
const urlParts = new Map<string, UrlParts>();
const MAX_REMEMBERED = 100_000;

function urlPartsOf(url: string): UrlParts {
  let parts = urlParts.get(url);
  if (parts === undefined) {
    parts = readUrl(url);
    if (urlParts.size >= MAX_REMEMBERED) urlParts.clear();
    urlParts.set(url, parts);
  }
  return parts;
}

function readUrl(url: string): UrlParts {
  if (url.startsWith('//')) return null;
  if (WINDOWS_ABSOLUTE.test(url)) return { outside: 'a Windows absolute path points at a local file, not at a document in the repository' };
  if (SCHEME.test(url)) return /^file:/i.test(url) ? { outside: 'a `file:` URL points at a local file, not at a document in the repository' } : null;
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const anchor = hashAt === -1 ? undefined : safeDecode(url.slice(hashAt + 1));
  return { pathPart: safeDecode(beforeHash.split('?')[0] ?? '').replace(/\\/g, '/'), anchor };
}

/**
 * The path a link's path part names from a file, normalised. Remembered per
 * file and path part (both strings that live as long as the document, so a
 * look-up hashes nothing new): an editor resolves the links of thousands of
 * documents again after an edit, and most are the same few.
 */
const joinedPaths = new Map<string, Map<string, string>>();

function joinedPath(fromPath: string, pathPart: string): string {
  let byPart = joinedPaths.get(fromPath);
  if (!byPart) {
    if (joinedPaths.size >= MAX_REMEMBERED) joinedPaths.clear();
    byPart = new Map();
    joinedPaths.set(fromPath, byPart);
  }
  let joined = byPart.get(pathPart);
  if (joined === undefined) {
    joined = pathPart.startsWith('/') ? posix.normalize(pathPart.slice(1)) : posix.normalize(posix.join(posix.dirname(fromPath), pathPart));
    byPart.set(pathPart, joined);
  }
  return joined;
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
