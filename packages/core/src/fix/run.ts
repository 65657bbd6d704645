import { lstatSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { lint, type LintOptions, type LintResult } from '../engine/lint.js';
import type { Fix } from '../model.js';
import { hashBytes } from '../parse/document.js';
import { replaceFileAtomically } from '../util/files.js';
import { applyFixes } from './apply.js';
import { bytesOf, sourceTextOf } from './source.js';

/** ESLint's bound: fixes can enable other fixes, but never loop for ever. */
export const MAX_FIX_PASSES = 10;

export interface FixOptions {
  /** Write the fixed files (`--fix`); without it, only report what would change (`--fix-dry-run`). */
  write: boolean;
}

export interface FixRun {
  /** The findings left after fixing, each changed file's `output` set. */
  result: LintResult;
  /** Repository-relative paths of the files changed, sorted. */
  changed: string[];
  passes: number;
}

function fixesByFile(result: LintResult): Map<string, Fix[]> {
  const byFile = new Map<string, Fix[]>();
  for (const file of result.files) {
    for (const finding of file.findings) {
      if (!finding.fix) continue;
      const list = byFile.get(finding.fix.file);
      if (list) list.push(finding.fix);
      else byFile.set(finding.fix.file, [finding.fix]);
    }
  }
  return byFile;
}

/**
 * Write a fixed file unless it changed on disk since it was read, and never
 * through a symbolic link; says why when it does not.
 */
function writeFixed(root: string, path: string, originalHash: string, bytes: Uint8Array): string | undefined {
  const absolute = resolve(root, path);
  if (lstatSync(absolute).isSymbolicLink()) return `${path} was not fixed: it is a symbolic link`;
  if (hashBytes(readFileSync(absolute)) !== originalHash) return `${path} was not fixed: it changed while aimslint ran; run --fix again`;
  replaceFileAtomically(absolute, bytes);
  return undefined;
}

/**
 * Lint, apply the fixes, lint again, until nothing is left to fix or
 * MAX_FIX_PASSES passes ran. Every pass works on texts held in memory; files
 * are written once, at the end, and only when asked.
 */
export async function lintAndFix(options: LintOptions, fixOptions: FixOptions): Promise<FixRun> {
  const overlay = new Map(options.overlay ?? []);
  const originalHashes = new Map<string, string>();
  let passes = 0;
  let result = await lint(options);
  while (passes < MAX_FIX_PASSES) {
    let applied = 0;
    for (const [path, fixes] of fixesByFile(result)) {
      const document = result.index.byPath.get(path);
      if (!document) continue;
      const bytes = overlay.get(path) ?? readFileSync(resolve(result.root, path));
      const source = sourceTextOf(bytes);
      if (!source || hashBytes(bytes) !== document.hash) continue;
      const fixed = applyFixes(source.text, fixes);
      if (fixed.applied === 0 || fixed.output === source.text) continue;
      if (!originalHashes.has(path)) originalHashes.set(path, document.hash);
      overlay.set(path, bytesOf(fixed.output, source.bom));
      applied += fixed.applied;
    }
    if (applied === 0) break;
    passes++;
    result = await lint({ ...options, overlay });
  }
  const changed = [...originalHashes.keys()].sort();
  const outputs = new Map(changed.map((path) => [path, Buffer.from(overlay.get(path) ?? new Uint8Array()).toString('utf8')]));
  const notices = [...result.notices];
  if (fixOptions.write) {
    for (const path of changed) {
      const notice = writeFixed(result.root, path, originalHashes.get(path) ?? '', overlay.get(path) ?? new Uint8Array());
      if (notice) notices.push(notice);
    }
  }
  const files = result.files.map((file) => (outputs.has(file.path) ? { ...file, output: outputs.get(file.path) ?? '' } : file));
  return { result: { ...result, files, notices }, changed, passes };
}
