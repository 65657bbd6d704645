import { existsSync, realpathSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import { isInside } from '../util/files.js';
import { globNamesMatcher, pathNames } from '../util/glob.js';
import { walk } from './walk.js';

export { isInside } from '../util/files.js';
export { globMatcher } from '../util/glob.js';

/** A file to parse, with what the config says about it. */
export interface DiscoveredFile {
  /** Repository-relative path with `/` separators. */
  path: string;
  absolute: string;
  /** The type the config assigns when the frontmatter names none. */
  mappedType: string | undefined;
  /** Inside a governance folder: the file must carry frontmatter. */
  governance: boolean;
  /** A symbolic link whose target lies outside the root: never read. */
  escapesRoot: boolean;
}

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/**
 * A path as typed on the command line. On POSIX `\` is a legal file-name
 * character, so a path that exists as written is kept; otherwise, when reading
 * `\` as a separator names something that exists, that is what was meant
 * (`examples\acme\aims\soa.md` copied from Windows). Else it is left
 * as typed, so "path not found" quotes the user.
 */
export function commandLinePath(cwd: string, path: string): string {
  if (sep === '\\' || !path.includes('\\') || existsSync(resolve(cwd, path))) return path;
  const slashed = path.replace(/\\/g, '/');
  return existsSync(resolve(cwd, slashed)) ? slashed : path;
}

function targetEscapesRoot(root: string, absolute: string): boolean {
  try {
    return !isInside(realpathSync(root), realpathSync(absolute));
  } catch {
    // A dangling or looping link: reading it fails later with a clear finding.
    return false;
  }
}

/** `folder///` → `folder`, by a loop: `/\/+$/` backtracks quadratically on a long run of slashes inside a glob. */
export function withoutTrailingSlashes(glob: string): string {
  let end = glob.length;
  while (end > 0 && glob.charCodeAt(end - 1) === 0x2f) end--;
  return glob.slice(0, end);
}

/**
 * Every file under the root that the config includes and does not exclude,
 * sorted, honouring `.gitignore`. Symbolic links are listed but not followed
 * into folders, so link loops end; a linked file whose target leaves the
 * root is flagged.
 */
export async function discover(config: ResolvedConfig, notices: string[] = []): Promise<DiscoveredFile[]> {
  const included = globNamesMatcher(config.include);
  const excluded = globNamesMatcher(config.exclude);
  const entries = walk(config.root, (path) => {
    const names = pathNames(path);
    return included(names) && !excluded(names);
  }, notices);
  const inGovernance = globNamesMatcher(config.governance.map((glob) => (glob.includes('*') ? glob : `${withoutTrailingSlashes(glob)}/**`)));
  const assigners = config.assign.map((rule) => ({ match: globNamesMatcher(rule.files), type: rule.type }));
  // The walk's paths are clean and relative: joining by hand skips resolve()'s normalising, a tenth of a walk's time.
  const prefix = config.root.endsWith('/') ? config.root : `${config.root}/`;
  const absoluteOf = sep === '/' ? (path: string) => prefix + path : (path: string) => resolve(config.root, path);
  return entries
    .map(({ path, isSymbolicLink }) => {
      const absolute = absoluteOf(path);
      const names = pathNames(path);
      return {
        path,
        absolute,
        mappedType: assigners.find((a) => a.match(names))?.type,
        governance: inGovernance(names),
        escapesRoot: isSymbolicLink && targetEscapesRoot(config.root, absolute),
      };
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
