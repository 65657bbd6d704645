/**
 * Every git call aimslint makes goes through here, hardened for a pull
 * request whose author controls every file of the checkout.
 *
 * - The repository is explicit (`--git-dir`, `--work-tree`), found by looking
 *   for a `.git` entry upward from the root, never by git's own discovery: a
 *   PR can add `HEAD`, `config`, `objects/` and `refs/` to a folder so that
 *   git takes it for a bare repository and obeys its `config`
 *   (`core.fsmonitor = <command>` runs that command).
 * - Options that run programs are switched off on the command line, which
 *   wins over any config file: fsmonitor, hooks, external diff, textconv,
 *   pagers; `safe.bareRepository=explicit` refuses implicit bare repositories.
 * - The environment cannot redirect git (`GIT_DIR` and friends are dropped),
 *   optional locks are off (a read never writes the index), and no prompt
 *   waits for a terminal.
 * - Calls run at most `GIT_CONCURRENCY` at once, with a timeout and an output
 *   cap, so a repository with 400 deleted files does not exhaust descriptors.
 */
import { execFile, execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { isFolderAt, isRegularFileAt } from './files.js';

/** A checkout: its git directory (or gitfile) and its work tree. */
export interface GitRepository {
  gitDir: string;
  workTree: string;
}

export class GitError extends Error {
  override readonly name = 'GitError';
}

const HARDENING = [
  '-c', 'safe.bareRepository=explicit',
  '-c', 'core.fsmonitor=false',
  '-c', 'core.hooksPath=/dev/null',
  '-c', 'core.pager=cat',
  '-c', 'diff.external=',
  '-c', 'core.askPass=',
  '-c', 'credential.helper=',
  '-c', 'protocol.allow=never',
  '-c', 'log.showSignature=false',
  '-c', 'color.ui=false',
];

/** Variables that would point git at another repository, config or program. */
const DROPPED_ENV = /^GIT_(DIR|WORK_TREE|INDEX_FILE|OBJECT_DIRECTORY|ALTERNATE_OBJECT_DIRECTORIES|COMMON_DIR|NAMESPACE|CONFIG|CONFIG_GLOBAL|CONFIG_SYSTEM|CONFIG_PARAMETERS|CONFIG_COUNT|CONFIG_KEY_\d+|CONFIG_VALUE_\d+|EXTERNAL_DIFF|DIFF_OPTS|PAGER|EDITOR|SSH|SSH_COMMAND|ASKPASS|EXEC_PATH|TRACE\w*|CEILING_DIRECTORIES|DISCOVERY_ACROSS_FILESYSTEM)$/;

function gitEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!DROPPED_ENV.test(name)) env[name] = value;
  env.GIT_OPTIONAL_LOCKS = '0';
  env.GIT_TERMINAL_PROMPT = '0';
  env.GIT_PAGER = 'cat';
  env.GIT_CONFIG_NOSYSTEM = '1';
  env.LC_ALL = 'C';
  return env;
}

/**
 * The checkout that holds `root`: the nearest folder upward with a `.git`
 * gitfile, or a `.git` folder with a `HEAD` in it (as git itself would find
 * a non-bare repository; an empty `.git` is passed over, as git does), or
 * undefined outside any checkout. Judged with `lstat`, so a `.git` link is
 * not followed anywhere.
 */
export function findRepository(root: string): GitRepository | undefined {
  for (let folder = resolve(root); ; folder = dirname(folder)) {
    const candidate = join(folder, '.git');
    if (isRegularFileAt(candidate) || (isFolderAt(candidate) && isRegularFileAt(join(candidate, 'HEAD')))) return { gitDir: candidate, workTree: folder };
    if (dirname(folder) === folder) return undefined;
  }
}


const argumentsFor = (repository: GitRepository, args: readonly string[]): string[] => [
  `--git-dir=${repository.gitDir}`,
  `--work-tree=${repository.workTree}`,
  ...HARDENING,
  ...args,
];

export interface GitCallOptions {
  /** Where relative pathspecs and `--relative` are judged from; inside the work tree. */
  cwd: string;
  /** Bytes of standard output accepted before the call fails. */
  maxBytes?: number;
  timeoutMs?: number;
}

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 60_000;
export const GIT_CONCURRENCY = 8;

let running = 0;
const waiting: Array<() => void> = [];

async function withSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= GIT_CONCURRENCY) await new Promise<void>((resolveSlot) => waiting.push(resolveSlot));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function failure(args: readonly string[], error: unknown, stderr: string): GitError {
  const reason = stderr.trim().split('\n')[0] || (error instanceof Error ? error.message : String(error));
  return new GitError(`git ${args[0] ?? ''} failed: ${reason}`);
}

/** Run one git command in `repository`; resolves to its standard output. */
export async function runGit(repository: GitRepository, args: readonly string[], options: GitCallOptions): Promise<string> {
  return (await execGit(repository, args, options, undefined)).toString('utf8');
}

/** The synchronous form, for the few questions asked once before a run starts. */
export function runGitSync(repository: GitRepository, args: readonly string[], options: GitCallOptions): string {
  try {
    return execFileSync('git', argumentsFor(repository, args), {
      cwd: options.cwd,
      env: gitEnvironment(),
      encoding: 'utf8',
      maxBuffer: options.maxBytes ?? DEFAULT_MAX_BYTES,
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
  } catch (error) {
    throw failure(args, error, String((error as { stderr?: unknown }).stderr ?? ''));
  }
}

/** `-z` output: NUL-separated names, so no name needs unquoting. */
export const splitNul = (text: string): string[] => text.split('\0').filter((name) => name !== '');

/**
 * Whether git tracks `path`: `tracked`, `untracked`, or `unknown` when git
 * cannot answer (no git, dubious ownership, a broken repository). Callers
 * that decide trust must treat `unknown` as `tracked` (fail closed).
 */
export async function trackingOf(repository: GitRepository, path: string, cwd: string): Promise<'tracked' | 'untracked' | 'unknown'> {
  try {
    const listed = await runGit(repository, ['ls-files', '-z', '--', path], { cwd, timeoutMs: 10_000 });
    return splitNul(listed).length > 0 ? 'tracked' : 'untracked';
  } catch {
    return 'unknown';
  }
}

/**
 * Run one git command that reads its standard input (`cat-file --batch`),
 * resolving to the raw bytes of its output: batch output counts sizes in
 * bytes, so it must not be decoded before it is split.
 */
export function runGitWithInput(repository: GitRepository, args: readonly string[], input: string, options: GitCallOptions): Promise<Buffer> {
  return execGit(repository, args, options, input);
}

/** One git process in a concurrency slot, its output as bytes; `input` goes to its standard input. */
function execGit(repository: GitRepository, args: readonly string[], options: GitCallOptions, input: string | undefined): Promise<Buffer> {
  return withSlot(
    () =>
      new Promise<Buffer>((resolveCall, reject) => {
        const child = execFile(
          'git',
          argumentsFor(repository, args),
          {
            cwd: options.cwd,
            env: gitEnvironment(),
            encoding: 'buffer',
            maxBuffer: options.maxBytes ?? DEFAULT_MAX_BYTES,
            timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
            windowsHide: true,
          },
          (error, stdout, stderr) => (error ? reject(failure(args, error, stderr.toString('utf8'))) : resolveCall(stdout)),
        );
        // A write after git exited early (a bad argument) must fail the call, not the process.
        child.stdin?.on('error', () => undefined);
        child.stdin?.end(input ?? '');
      }),
  );
}
