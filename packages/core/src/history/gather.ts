/**
 * The git history of the governance documents, gathered once per run when a
 * document-control rule is on, and attached to the index for rules and the
 * report to read.
 *
 * Bounded: one `git log` pass over at most MAX_COMMITS commits that changed
 * Markdown (first-parent, so a merged pull request is one step, with rename
 * detection), then the past versions read in `cat-file --batch` calls, at
 * most MAX_BLOBS of them. In changed-since mode only the merge base is read.
 * Every git call goes through util/git.ts; nothing from the repository runs.
 *
 * History is judged only when the root is the top of its git checkout,
 * unless a document-control rule has the option `subfolder: true`: a config
 * in a subfolder is often an example, a fixture or a vendored copy of another
 * AIMS, whose history in the host repository is not its document control
 * (this project's own examples/acme is one). An AIMS kept in a folder of a
 * product repository opts in.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { IndexedDocument } from '../model.js';
import type { YamlLimits } from '../parse/frontmatter.js';
import { findRepository, runGit, runGitWithInput, splitNul, type GitRepository } from '../util/git.js';
import { controlStateOf, type ControlState } from './state.js';

export const MAX_COMMITS = 500;
export const MAX_BLOBS = 5000;
/** Past versions read per `cat-file --batch` call, so one call's output stays far below git.ts's output cap. */
const BLOBS_PER_CALL = 400;

/** The rules that read the history: it is gathered only when one of them is on. */
export const HISTORY_RULES: ReadonlySet<string> = new Set(['doc-control/changed-after-approval', 'doc-control/version-not-increased']);

/** A document as one commit left it. */
export interface PastVersion {
  commit: string;
  /** The commit's date, `YYYY-MM-DD`. */
  date: string;
  /** The document's path at that commit, relative to the root (it may have been renamed since). */
  path: string;
  state: ControlState;
}

export interface DocumentHistory {
  /** The document as it is now, in the work tree. */
  current: ControlState;
  /** Full runs: the commits that changed the document, newest first, as far as the walk reached. */
  versions: PastVersion[];
  /** Changed-since runs: the document at the merge base, followed through renames; undefined when it is new. */
  base: PastVersion | undefined;
}

export interface GitHistory {
  /** `full`: compared with past commits; `changed-since`: compared with the merge base. */
  mode: 'full' | 'changed-since';
  /** By the document's current path; documents without a past are absent. */
  documents: ReadonlyMap<string, DocumentHistory>;
}

export interface HistoryInput {
  root: string;
  documents: readonly IndexedDocument[];
  limits: YamlLimits;
  /** Changed-since mode: compare with the merge base of this ref. */
  changedSince?: string | undefined;
  /** Judge the history also when the root is a folder below the top of the checkout. */
  subfolder?: boolean;
}

export interface HistoryOutcome {
  /** Undefined when there is no history to judge: no checkout, no commit, or a root below the top of the checkout. */
  history: GitHistory | undefined;
  notices: string[];
  /** Git failed to answer (a timeout, too much output): the history is partial this time, and must not be remembered as the answer. */
  failed: boolean;
}

/** What a gathering tells the user, and whether git failed along the way. */
interface Gathering {
  notices: string[];
  failed: boolean;
}

const SHALLOW_NOTICE =
  'document control: this git checkout is shallow, so only the commits it holds are compared and changes made before them are not seen; ' +
  'fetch the full history (GitHub Actions: actions/checkout with `fetch-depth: 0`; elsewhere: git fetch --unshallow)';

const MARKDOWN = ['*.md', '*.markdown'];

/** A git call; its failure is an answer (`undefined`), never a crash of the run. */
async function ask(repository: GitRepository, root: string, args: string[]): Promise<string | undefined> {
  try {
    return await runGit(repository, args, { cwd: root });
  } catch {
    return undefined;
  }
}

function sameFolder(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/** The checkout whose history is judged for `root`: none outside a checkout, or below its top unless `subfolder`. */
function judgedRepository(root: string, subfolder: boolean): GitRepository | undefined {
  const repository = findRepository(root);
  return repository && (subfolder || sameFolder(repository.workTree, root)) ? repository : undefined;
}

/** One call: whether the clone is shallow, and the commit checked out (undefined when there is none). */
function headOf(repository: GitRepository, root: string): Promise<string | undefined> {
  return ask(repository, root, ['rev-parse', '--is-shallow-repository', '--verify', '--quiet', 'HEAD^{commit}']);
}

/**
 * What the history of `root` depends on besides the documents themselves:
 * `none` when no history is judged, else the commit checked out. Undefined
 * when that does not pin the history down: a shallow clone can be deepened
 * under the same commit, and git may not answer at all.
 */
export async function historyFingerprint(root: string, subfolder: boolean): Promise<string | undefined> {
  const repository = judgedRepository(root, subfolder);
  if (!repository) return 'none';
  const head = await headOf(repository, root);
  return head === undefined || !head.startsWith('false') ? undefined : head.trim();
}

/**
 * States by git blob id: a version that is byte for byte another one (most
 * often the work tree and HEAD, or a renamed file) is parsed once.
 */
class StateMemo {
  private readonly states = new Map<string, ControlState | undefined>();

  constructor(private readonly limits: YamlLimits) {}

  stateOf(blobId: string, bytes: Uint8Array): ControlState | undefined {
    if (!this.states.has(blobId)) this.states.set(blobId, controlStateOf(bytes, this.limits));
    return this.states.get(blobId);
  }

  /** The work tree's state of a document; links and special files are not read. */
  current(root: string, path: string): ControlState | undefined {
    const absolute = join(root, path);
    try {
      if (!lstatSync(absolute).isFile()) return undefined;
      const bytes = readFileSync(absolute);
      return this.stateOf(blobIdOf(bytes), bytes);
    } catch {
      return undefined;
    }
  }
}

/** The id git gives these bytes as a blob (sha1 of `blob <size>\0` and the bytes). */
export function blobIdOf(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

interface Change {
  status: string;
  /** The path after the commit. */
  path: string;
  /** For renames: the path before. */
  from: string | undefined;
}

interface LoggedCommit {
  commit: string;
  date: string;
  changes: Change[];
}

/**
 * `git log -z --format=%x01%H %cs --name-status` output, read token by token:
 * what a token is follows from its position, so no file name, whatever bytes
 * it holds, can pass for a commit or a status.
 */
export function parseLog(output: string): LoggedCommit[] {
  const tokens = output.split('\0');
  const commits: LoggedCommit[] = [];
  for (let at = 0; at < tokens.length; ) {
    const token = (tokens[at++] ?? '').replace(/^\n/, '');
    if (token === '') continue;
    if (token.startsWith('\u0001')) {
      const [commit = '', date = ''] = token.slice(1).split(' ');
      commits.push({ commit, date, changes: [] });
      continue;
    }
    const current = commits[commits.length - 1];
    const renamed = /^[RC]/.test(token);
    const first = tokens[at++] ?? '';
    const second = renamed ? (tokens[at++] ?? '') : undefined;
    current?.changes.push(second === undefined ? { status: token[0] ?? '', path: first, from: undefined } : { status: token[0] ?? '', path: second, from: first });
  }
  return commits;
}

interface Touch {
  document: number;
  commit: string;
  date: string;
  path: string;
  /** How many newer versions of the same document come before this one. */
  depth: number;
}

/**
 * The commits that changed each document, newest first, following renames.
 * Linear in the changes listed: the documents are looked up by the path they
 * had at each step.
 */
export function touchesOf(commits: readonly LoggedCommit[], paths: readonly string[]): Touch[] {
  const tracked = new Map(paths.map((path, document) => [path, document]));
  const depth = paths.map(() => 0);
  const touches: Touch[] = [];
  for (const { commit, date, changes } of commits) {
    // Every lookup sees the paths as they were after this commit: a commit that renames a→b and b→c moves both documents.
    const moves: [string, string | undefined, number][] = [];
    for (const change of changes) {
      const document = tracked.get(change.path);
      if (document === undefined || change.status === 'D') continue;
      touches.push({ document, commit, date, path: change.path, depth: depth[document]!++ });
      moves.push([change.path, change.status === 'A' ? undefined : (change.from ?? change.path), document]);
    }
    for (const [path] of moves) tracked.delete(path);
    for (const [, before, document] of moves) if (before !== undefined) tracked.set(before, document);
  }
  return touches;
}

interface BlobRequest {
  commit: string;
  path: string;
}

export interface Blob {
  id: string;
  bytes: Buffer;
}

/** `cat-file --batch` output: one entry per request, undefined for what git does not have. */
export function parseBatch(output: Buffer, count: number): (Blob | undefined)[] {
  const blobs: (Blob | undefined)[] = [];
  let at = 0;
  while (blobs.length < count && at < output.length) {
    const end = output.indexOf(0x0a, at);
    if (end === -1) break;
    const header = output.subarray(at, end).toString('utf8');
    at = end + 1;
    const [, id, size] = /^([0-9a-f]+) blob (\d+)$/.exec(header) ?? [];
    if (id === undefined || size === undefined) {
      // `<request> missing`, or an object that is not a blob: no content follows, unless git printed a size.
      const other = /^[0-9a-f]+ \w+ (\d+)$/.exec(header)?.[1];
      if (other !== undefined) at += Number(other) + 1;
      blobs.push(undefined);
      continue;
    }
    blobs.push({ id, bytes: output.subarray(at, at + Number(size)) });
    at += Number(size) + 1;
  }
  return blobs;
}

/** The states of past versions, read in bounded batches; a request git cannot answer is undefined. */
async function statesAt(repository: GitRepository, root: string, requests: readonly BlobRequest[], memo: StateMemo, gathering: Gathering): Promise<(ControlState | undefined)[]> {
  const states: (ControlState | undefined)[] = [];
  for (let start = 0; start < requests.length; start += BLOBS_PER_CALL) {
    const chunk = requests.slice(start, start + BLOBS_PER_CALL);
    try {
      // `cat-file --batch` prints blobs as stored, never through a textconv or smudge filter;
      // `--buffer` lets git write its output in large blocks rather than one flush per object.
      const output = await runGitWithInput(repository, ['cat-file', '--batch', '--buffer'], chunk.map(({ commit, path }) => `${commit}:./${path}\n`).join(''), { cwd: root });
      const blobs = parseBatch(output, chunk.length);
      for (let i = 0; i < chunk.length; i++) {
        const blob = blobs[i];
        states.push(blob ? memo.stateOf(blob.id, blob.bytes) : undefined);
      }
    } catch (error) {
      gathering.notices.push(`document control: past versions could not be read from git (${(error as Error).message}); they are not compared`);
      gathering.failed = true;
      for (let i = 0; i < chunk.length; i++) states.push(undefined);
    }
  }
  return states;
}

/** A path git's batch input can carry: one line, no NUL. Paths are relative to the root (`commit:./path`, read from the root). */
const askable = (path: string): boolean => !/[\n\r\0]/.test(path);

async function fullHistory(repository: GitRepository, input: HistoryInput, paths: readonly string[], gathering: Gathering): Promise<Map<string, DocumentHistory>> {
  const { root, limits } = input;
  let log: string;
  try {
    // No signature checks (`log.showSignature` would run `gpg.program`), no colour codes in what is parsed.
    log = await runGit(repository, [
      'log', '-z', '--no-show-signature', '--no-color', '--first-parent', '--diff-merges=first-parent', '-M', '--name-status', '--relative',
      '--no-ext-diff', '--no-textconv', `--max-count=${MAX_COMMITS}`, '--format=%x01%H %cs', 'HEAD', '--', ...MARKDOWN,
    ], { cwd: root });
  } catch (error) {
    gathering.notices.push(`document control: the git history could not be read (${(error as Error).message}); documents are not compared with past versions`);
    gathering.failed = true;
    return new Map();
  }
  const commits = parseLog(log);
  if (commits.length >= MAX_COMMITS) {
    gathering.notices.push(`document control: only the last ${MAX_COMMITS} commits that changed Markdown files were read; older versions are not compared`);
  }
  const touches = touchesOf(commits, paths).filter((touch) => askable(touch.path));
  // Each document's newest versions first, so a cap cuts the oldest versions of all documents alike.
  touches.sort((a, b) => a.depth - b.depth || a.document - b.document);
  if (touches.length > MAX_BLOBS) {
    gathering.notices.push(`document control: ${touches.length} past versions of documents were found; only the newest ${MAX_BLOBS} are compared`);
    touches.length = MAX_BLOBS;
  }
  const memo = new StateMemo(limits);
  const states = await statesAt(repository, root, touches, memo, gathering);
  const documents = new Map<string, DocumentHistory>();
  // In depth order, so each document's versions arrive newest first.
  touches.forEach((touch, i) => {
    const state = states[i];
    const path = paths[touch.document]!;
    if (!state) return;
    let history = documents.get(path);
    if (!history) {
      const current = memo.current(root, path);
      if (!current) return;
      history = { current, versions: [], base: undefined };
      documents.set(path, history);
    }
    history.versions.push({ commit: touch.commit, date: touch.date, path: touch.path, state });
  });
  return documents;
}

async function sinceBase(repository: GitRepository, input: HistoryInput, ref: string, paths: readonly string[], gathering: Gathering): Promise<Map<string, DocumentHistory> | undefined> {
  const { root, limits } = input;
  const base = ref === '' || ref.startsWith('-') ? undefined : (await ask(repository, root, ['merge-base', '--end-of-options', ref, 'HEAD']))?.trim();
  const date = base ? (await ask(repository, root, ['show', '-s', '--no-show-signature', '--format=%cs', base]))?.trim() : undefined;
  const diff = base ? await ask(repository, root, ['diff', '--no-ext-diff', '--no-textconv', '--no-color', '-M', '--name-status', '-z', '--relative', base, '--', ...MARKDOWN]) : undefined;
  if (!base || date === undefined || diff === undefined) {
    gathering.notices.push(`document control: the merge base of "${ref}" was not found, so approved documents are not compared with it; fetch the full history (actions/checkout: fetch-depth: 0)`);
    return undefined;
  }
  // What each document was called at the base: renamed since, added since (no past), or unchanged in name.
  const before = new Map<string, string | undefined>();
  const wanted = new Set(paths);
  for (const change of parseLog(`\u0001${base} ${date}\0${diff}`)[0]?.changes ?? []) {
    if (!wanted.has(change.path)) continue;
    before.set(change.path, change.status === 'A' ? undefined : (change.from ?? change.path));
  }
  const requests = paths.flatMap((path) => {
    const then = before.has(path) ? before.get(path) : path;
    return then !== undefined && askable(then) ? [{ current: path, commit: base, path: then }] : [];
  });
  if (requests.length > MAX_BLOBS) {
    gathering.notices.push(`document control: ${requests.length} documents existed at the merge base; only the first ${MAX_BLOBS} by path are compared with it`);
    requests.length = MAX_BLOBS;
  }
  const memo = new StateMemo(limits);
  const states = await statesAt(repository, root, requests, memo, gathering);
  const documents = new Map<string, DocumentHistory>();
  requests.forEach((request, i) => {
    const state = states[i];
    const current = state ? memo.current(root, request.current) : undefined;
    if (state && current) documents.set(request.current, { current, versions: [], base: { commit: base, date, path: request.path, state } });
  });
  return documents;
}

/** Gather what document control needs from git; see the comment at the top of this file. */
export async function gatherHistory(input: HistoryInput): Promise<HistoryOutcome> {
  const repository = judgedRepository(input.root, input.subfolder === true);
  if (!repository) return { history: undefined, notices: [], failed: false };
  const head = await headOf(repository, input.root);
  if (head === undefined) return { history: undefined, notices: [], failed: false };
  const gathering: Gathering = { notices: [], failed: false };
  if (head.startsWith('true')) gathering.notices.push(SHALLOW_NOTICE);
  const paths = input.documents.filter((document) => document.type !== undefined && document.frontmatter?.data).map((document) => document.path);
  if (input.changedSince !== undefined) {
    const documents = await sinceBase(repository, input, input.changedSince, paths, gathering);
    return { history: documents ? { mode: 'changed-since', documents } : undefined, ...gathering };
  }
  const documents = await fullHistory(repository, input, paths, gathering);
  return { history: { mode: 'full', documents }, ...gathering };
}
