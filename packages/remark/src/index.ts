import { dirname, relative, resolve, sep } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Plugin, type Transformer } from 'unified';
import { Workspace, loadConfig } from '@aimslint/core';

export interface Options {
  /** The date review deadlines are judged against, `YYYY-MM-DD` (default: today). */
  now?: string;
}

/**
 * One Workspace per repository root and process: the index is built once,
 * then each file remark hands over is brought up to date with the text remark
 * holds (an editor's unsaved text, through the remark language server).
 */
const workspaces = new Map<string, Promise<Workspace>>();

function workspaceFor(root: string, now: string | undefined): Promise<Workspace> {
  const key = `${root}\0${now ?? ''}`;
  let workspace = workspaces.get(key);
  if (!workspace) {
    workspace = Workspace.open({ cwd: root, ...(now === undefined ? {} : { now }) });
    workspaces.set(key, workspace);
  }
  return workspace;
}

type VFile = Parameters<Transformer>[1];

/**
 * remark-lint-style messages from the aimslint engine: each finding of the
 * file at its line and column, `ruleId` the rule, `source` `aimslint`; errors
 * are fatal, as remark-lint marks severity 2, so remark-cli fails on them.
 */
const remarkAimslint: Plugin<[Options?]> = (options = {}) => async (_tree, file: VFile) => {
  if (!file.path) return;
  const absolute = resolve(file.cwd, file.path);
  const root = loadConfig({ cwd: dirname(absolute), paths: [] }).root;
  const workspace = await workspaceFor(root, options.now);
  const path = relative(root, absolute).split(sep).join('/');
  if (!workspace.has(path)) return;
  const text = String(file.value);
  if (workspace.textOf(path) !== text) workspace.update(path, text);
  for (const finding of workspace.findings().get(path) ?? []) {
    const message = file.message(finding.message, {
      place: { start: { line: finding.range.line, column: finding.range.column }, end: { line: finding.range.endLine, column: finding.range.endColumn } },
      ruleId: finding.ruleId,
      source: 'aimslint',
    });
    message.fatal = finding.severity === 'error';
    if (finding.hint !== undefined) message.note = finding.hint;
  }
};

export default remarkAimslint;

/** The parser and the plugin together: what remark-cli or a `.remarkrc` needs (`plugins: ['@aimslint/remark/preset']`). */
export const preset = { plugins: [remarkFrontmatter, remarkAimslint] };

/** Lint one file's text through unified, as remark-cli would: its messages. */
export async function lintWithRemark(file: VFile, options: Options = {}): Promise<VFile> {
  const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkAimslint, options);
  await processor.run(processor.parse(file), file);
  return file;
}
