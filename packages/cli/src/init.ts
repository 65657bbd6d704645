import { closeSync, constants, lstatSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { readFileSync } from 'node:fs';
import { STARTER_PRESETS, UsageError, applyEdit, getCatalog, proposeAdoption, renderEdit, replaceFileAtomically, starterFiles, type StarterPreset } from '@aimslint/core';

/** Whether `path` exists, without following a symbolic link. */
function lstatOrUndefined(path: string): ReturnType<typeof lstatSync> | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Walk `dir` below `root` folder by folder, refusing any that is a symbolic
 * link (writing through one could land anywhere); with `create`, make those
 * that are missing.
 */
function makeFolders(root: string, dir: string, create: boolean): void {
  let current = root;
  for (const part of relative(root, dir).split(sep).filter((segment) => segment !== '')) {
    current = join(current, part);
    const stat = lstatOrUndefined(current);
    if (stat?.isSymbolicLink()) throw new UsageError(`${current} is a symbolic link; aimslint init writes only into real folders`);
    if (stat && !stat.isDirectory()) throw new UsageError(`${current} exists and is not a folder`);
    if (!stat && create) mkdirSync(current);
  }
}

/**
 * Create a file that must not exist yet: O_EXCL fails on any existing name,
 * a symbolic link (even a dangling one) included, so nothing is overwritten
 * and nothing is written through a link.
 */
function createNew(path: string, text: string): void {
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o644);
  try {
    const bytes = Buffer.from(text, 'utf8');
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
  } finally {
    closeSync(fd);
  }
}

export function parsePreset(value: string | undefined): StarterPreset {
  if (value === undefined) return 'recommended';
  const name = value.replace(/^aimslint:/, '');
  if (!(STARTER_PRESETS as readonly string[]).includes(name)) throw new UsageError(`--preset takes ${STARTER_PRESETS.join(' or ')}, got "${value}"`);
  return name as StarterPreset;
}

/**
 * `aimslint init [dir]`: write the starter AIMS. Any file that already
 * exists stops the command before anything is written; the exclusive create
 * still guards against one appearing meanwhile. Returns what was written.
 */
export function init(cwd: string, target: string | undefined, preset: StarterPreset): string[] {
  const root = resolve(cwd, target ?? '.');
  const rootStat = lstatOrUndefined(root);
  if (rootStat?.isSymbolicLink()) throw new UsageError(`${root} is a symbolic link; aimslint init writes only into real folders`);
  if (rootStat && !rootStat.isDirectory()) throw new UsageError(`${root} exists and is not a folder`);
  const catalog = getCatalog('iso42001:2023');
  if (!catalog) throw new Error('the iso42001:2023 catalog is missing');
  const files = Object.entries(starterFiles(catalog, preset));
  const existing = files.filter(([path]) => lstatOrUndefined(join(root, path)) !== undefined).map(([path]) => path);
  if (existing.length > 0) throw new UsageError(`aimslint init never overwrites a file, and these exist in ${root}: ${existing.join(', ')}`);
  // Every folder is checked before the first file is written, so a refusal leaves nothing half done.
  for (const [path] of files) makeFolders(root, dirname(join(root, path)), false);
  mkdirSync(root, { recursive: true });
  for (const [path, text] of files) {
    const absolute = join(root, path);
    makeFolders(root, dirname(absolute), true);
    try {
      createNew(absolute, text);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(`cannot create ${absolute}: ${code === 'EEXIST' ? 'it appeared while aimslint init ran' : (error as Error).message}`);
    }
  }
  return files.map(([path]) => path);
}

/**
 * `aimslint init --adopt [dir] [--write]`: the types and frontmatter proposed
 * for existing Markdown, as a diff; with `write`, applied (each file replaced
 * atomically, a linked file left alone) and the config created if none exists.
 */
export async function adopt(cwd: string, target: string | undefined, write: boolean): Promise<{ diff: string; written: string[]; skipped: string[] }> {
  const root = resolve(cwd, target ?? '.');
  const proposal = await proposeAdoption(root);
  const configDiff = proposal.config === undefined ? '' : `--- /dev/null\n+++ b/aimslint.config.yaml\n@@ -0,0 +1,${proposal.config.trimEnd().split('\n').length} @@\n${proposal.config.trimEnd().split('\n').map((line) => `+${line}`).join('\n')}\n`;
  const diff = `${configDiff}${proposal.edits.map(renderEdit).join('')}`;
  if (!write) return { diff, written: [], skipped: [] };
  const written: string[] = [];
  const skipped: string[] = [];
  if (proposal.config !== undefined) {
    createNew(join(root, 'aimslint.config.yaml'), proposal.config);
    written.push('aimslint.config.yaml');
  }
  for (const edit of proposal.edits) {
    const absolute = join(root, edit.path);
    if (lstatOrUndefined(absolute)?.isSymbolicLink()) {
      skipped.push(edit.path);
      continue;
    }
    replaceFileAtomically(absolute, applyEdit(readFileSync(absolute, 'utf8'), edit));
    written.push(edit.path);
  }
  return { diff, written, skipped };
}
