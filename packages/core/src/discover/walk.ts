import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { readBounded } from '../util/files.js';
import { GitignoreRules } from '../util/glob.js';

/** A file the walk found, relative to the root with `/` separators. */
export interface WalkedFile {
  path: string;
  isSymbolicLink: boolean;
}

/** Folders never entered: dependencies and git's own data. */
const NEVER_ENTERED = new Set(['node_modules', '.git']);

/** Larger `.gitignore` files are not read: real ones are a few kilobytes. */
export const MAX_GITIGNORE_BYTES = 1024 * 1024;

/**
 * The `.gitignore` of a folder as git reads it: a regular file, never through
 * a link (git stopped following `.gitignore` links in 2.32; one committed as
 * a link to `/dev/zero` must not be read), at most MAX_GITIGNORE_BYTES.
 * Anything else is passed over with a notice, never silently.
 */
function gitignoreOf(directory: string, path: string, notices: string[]): GitignoreRules | undefined {
  const name = path === '' ? '.gitignore' : `${path}/.gitignore`;
  try {
    const read = readBounded(join(directory, '.gitignore'), MAX_GITIGNORE_BYTES, { followLinks: false });
    if (read.kind === 'ok') return new GitignoreRules(Buffer.from(read.bytes).toString('utf8'));
    notices.push(`${name} was not used: ${read.kind === 'special' ? 'it is not a regular file' : 'it is larger than 1 MB'}`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') notices.push(`${name} was not used: it is a symbolic link, which git does not follow either`);
    else notices.push(`${name} was not used: ${(error as Error).message.split('\n')[0]}`);
  }
  return undefined;
}

interface Scope {
  /** The folder the `.gitignore` sits in, relative to the root ('' for the root). */
  base: string;
  rules: GitignoreRules;
}

/** As git decides: deeper `.gitignore` files speak last, and within a file the last matching line wins. */
function isIgnored(scopes: readonly Scope[], path: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const { base, rules } of scopes) {
    const decision = rules.decide(base === '' ? path : path.slice(base.length + 1), isDirectory);
    if (decision !== undefined) ignored = decision;
  }
  return ignored;
}

/** A symbolic link's target kind; a dangling or looping link counts as a file, so reading it reports why. */
function linkTargetIsDirectory(absolute: string): boolean {
  try {
    return statSync(absolute).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Every file under `root` that `wanted` accepts, honouring `.gitignore` files
 * at every level. Hidden entries, `node_modules` and `.git` are skipped, and
 * symbolic links to folders are not followed, so link loops cannot trap it.
 * Measured against globby (README, design notes): the same files, about ten
 * times faster on 10,000 documents.
 */
export function walk(root: string, wanted: (path: string) => boolean, notices: string[] = []): WalkedFile[] {
  const found: WalkedFile[] = [];
  const pending: { path: string; scopes: Scope[] }[] = [{ path: '', scopes: [] }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const absolute = next.path === '' ? root : join(root, next.path);
    let entries: Dirent[];
    try {
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch {
      // An unreadable folder: nothing in it can be linted, and nothing here can say more.
      continue;
    }
    // Only folders that list a .gitignore are asked for one: most have none.
    const own = entries.some((entry) => entry.name === '.gitignore') ? gitignoreOf(absolute, next.path, notices) : undefined;
    const scopes = own ? [...next.scopes, { base: next.path, rules: own }] : next.scopes;
    for (const entry of entries) {
      if (entry.name.startsWith('.') || NEVER_ENTERED.has(entry.name)) continue;
      const path = next.path === '' ? entry.name : `${next.path}/${entry.name}`;
      const isLink = entry.isSymbolicLink();
      const isDirectory = entry.isDirectory() || (isLink && linkTargetIsDirectory(join(absolute, entry.name)));
      if (isDirectory) {
        if (!isLink && !isIgnored(scopes, path, true)) pending.push({ path, scopes });
      } else if (wanted(path) && !isIgnored(scopes, path, false)) {
        found.push({ path, isSymbolicLink: isLink });
      }
    }
  }
  return found;
}
