import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** A file the walk found, relative to the root with `/` separators. */
export interface WalkedFile {
  path: string;
  isSymbolicLink: boolean;
}

/** Folders never entered: dependencies and git's own data. */
const NEVER_ENTERED = new Set(['node_modules', '.git']);

/** The `.gitignore` of a folder, if it has one, as a matcher of paths relative to that folder. */
function gitignoreOf(directory: string): Ignore | undefined {
  let text: string;
  try {
    text = readFileSync(join(directory, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return ignore().add(text);
}

interface Scope {
  /** The folder the `.gitignore` sits in, relative to the root ('' for the root). */
  base: string;
  rules: Ignore;
}

function isIgnored(scopes: readonly Scope[], path: string, isDirectory: boolean): boolean {
  return scopes.some(({ base, rules }) => {
    const relative = base === '' ? path : path.slice(base.length + 1);
    return rules.ignores(isDirectory ? `${relative}/` : relative);
  });
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
export function walk(root: string, wanted: (path: string) => boolean): WalkedFile[] {
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
    const own = entries.some((entry) => entry.name === '.gitignore') ? gitignoreOf(absolute) : undefined;
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
