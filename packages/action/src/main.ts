/**
 * The GitHub Action's entry point, bundled into dist/index.mjs. It lints the
 * checked-out repository in-process; configs are JSON or YAML, so nothing
 * from the repository is ever executed.
 */
import { closeSync, mkdirSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { parentPort } from 'node:worker_threads';
import * as core from '@actions/core';
import {
  DOCS_BASE_URL,
  UsageError,
  isReallyInside,
  replaceFileAtomically,
  VERSION,
  isParseWorker,
  serveParseRequests,
  lint,
  plural,
  replaceFileAtomicallyFrom,
  sarifChunks,
  type Finding,
  type LintResult,
} from '@aimslint/core';
import { planAnnotations } from './annotations.js';
import { InputError, readInputs, shouldFail, type ActionInputs } from './inputs.js';
import { buildSummary } from './summary.js';
import { blobLinkBase } from './links.js';


function workingDirectoryOf(workspace: string, inputs: ActionInputs): string {
  const directory = resolve(workspace, inputs.workingDirectory);
  if (!statSync(directory, { throwIfNoEntry: false })?.isDirectory()) throw new InputError(`input working-directory "${inputs.workingDirectory}" is not a directory in the workspace`);
  return directory;
}

function lintAsAsked(cwd: string, inputs: ActionInputs): Promise<LintResult> {
  return lint({
    cwd,
    paths: inputs.paths,
    configFile: inputs.config,
    now: inputs.now,
    cache: inputs.cache,
    changedSince: inputs.changedSince,
    maxRunSeconds: inputs.timeout,
    // The runner would wait for the job's timeout (6 hours by default): end the step, one line, exit 2.
    onTimeout: () => {
      closeSync(2);
      process.exit(2);
    },
    // This bundle is also the parsing worker (see the end of this file).
    workerUrl: new URL(import.meta.url),
  });
}

/** GitHub resolves annotation paths against the workspace, which need not be the aimslint root. */
function annotate(result: LintResult, workspace: string): void {
  const fromWorkspace = (finding: Finding): string => relative(workspace, resolve(result.root, finding.file)).split(sep).join('/');
  for (const finding of planAnnotations(result).shown) {
    const { range } = finding;
    // Column ranges are only valid on one line; GitHub rejects them across lines.
    const columns = range.line === range.endLine ? { startColumn: range.column, endColumn: range.endColumn } : {};
    const properties = { title: finding.ruleId, file: fromWorkspace(finding), startLine: range.line, endLine: range.endLine, ...columns };
    if (finding.severity === 'error') core.error(finding.message, properties);
    else core.warning(finding.message, properties);
  }
}

/**
 * SARIF paths relative to the workspace, which code scanning resolves them
 * against, also when the AIMS is in a subfolder. Written result by result
 * (a million findings do not fit in one string), replaced atomically. The
 * file goes where the workflow says, but the folders on the way are the pull
 * request's: a committed link (`reports -> /home/runner`) must not carry the
 * write out of the workspace, and a link at the file itself is replaced,
 * never written through.
 */
function writeSarif(result: LintResult, path: string, workspace: string): void {
  if (!isReallyInside(workspace, dirname(path))) throw new InputError(`input sarif-file "${path}" leads outside the workspace (through a symbolic link); write it inside the workspace`);
  mkdirSync(dirname(path), { recursive: true });
  replaceFileAtomicallyFrom(path, sarifChunks(result, { color: false, docsBaseUrl: DOCS_BASE_URL, toolVersion: VERSION, pathBase: workspace }));
}

async function run(): Promise<void> {
  const workspace = process.env['GITHUB_WORKSPACE'] ?? process.cwd();
  const inputs = readInputs((name) => core.getInput(name));
  const cwd = workingDirectoryOf(workspace, inputs);
  const result = await lintAsAsked(cwd, inputs);
  const sarifPath = inputs.sarifFile === undefined ? '' : resolve(cwd, inputs.sarifFile);
  if (sarifPath !== '') writeSarif(result, sarifPath, workspace);
  for (const notice of result.notices) core.info(`aimslint: ${notice}`);
  annotate(result, workspace);
  core.setOutput('error-count', result.errorCount);
  core.setOutput('warning-count', result.warningCount);
  core.setOutput('sarif-file', sarifPath);
  const linkBase = blobLinkBase(process.env, relative(workspace, result.root).split(sep).join('/'));
  if (process.env['GITHUB_STEP_SUMMARY']) await core.summary.addRaw(buildSummary(result, linkBase)).write();
  const counts = `${plural(result.errorCount, 'error')} and ${plural(result.warningCount, 'warning')}`;
  core.info(`aimslint ${VERSION}: ${counts} in ${plural(result.files.length, 'file')}`);
  if (shouldFail(inputs.failOn, result)) core.setFailed(`aimslint found ${counts} (fail-on: ${inputs.failOn})`);
}

async function runAsAction(): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (error instanceof InputError || error instanceof UsageError) {
      core.setFailed(error.message);
    } else {
      core.debug((error as Error).stack ?? String(error));
      core.setFailed(`aimslint internal error: ${(error as Error).message}`);
    }
  }
}

// The one bundle is both the Action and, started by the engine's pool, a parsing worker.
if (isParseWorker() && parentPort) serveParseRequests(parentPort);
else await runAsAction();
