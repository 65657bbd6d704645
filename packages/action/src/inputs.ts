/** The Action's inputs, read and checked before anything runs. */
export interface ActionInputs {
  paths: string[];
  config: string | undefined;
  failOn: FailOn;
  now: string | undefined;
  sarifFile: string | undefined;
  changedSince: string | undefined;
  workingDirectory: string;
  /** Reuse parse results from `.aimslintcache` (restored by actions/cache). */
  cache: boolean;
  /** The run's time budget in seconds; undefined: the config's `limits.maxRunSeconds`. */
  timeout: number | undefined;
}

export type FailOn = 'error' | 'warning' | 'never';

const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];

/** A wrong input: reported as the step's one failure line. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

/**
 * `read` is `core.getInput`: it returns '' for an input that was not given,
 * so the defaults of action.yml are repeated here for runs without the runner
 * (tests, `node dist/index.mjs`).
 */
export function readInputs(read: (name: string) => string): ActionInputs {
  const failOn = optional(read('fail-on')) ?? 'error';
  if (!FAIL_ON.includes(failOn as FailOn)) throw new InputError(`input fail-on must be one of ${FAIL_ON.join(', ')}, got "${failOn}"`);
  const now = optional(read('now'));
  if (now !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(now)) throw new InputError(`input now must be a date written YYYY-MM-DD, got "${now}"`);
  const cache = optional(read('cache')) ?? 'true';
  if (cache !== 'true' && cache !== 'false') throw new InputError(`input cache must be true or false, got "${cache}"`);
  const paths = read('paths').split(/\s+/).filter((path) => path !== '');
  const timeout = optional(read('timeout'));
  if (timeout !== undefined && !(/^\d+$/.test(timeout) && Number(timeout) >= 1)) throw new InputError(`input timeout must be a whole number of seconds, at least 1, got "${timeout}"`);
  return {
    paths: paths.length > 0 ? paths : ['.'],
    config: optional(read('config')),
    failOn: failOn as FailOn,
    now,
    sarifFile: optional(read('sarif-file')),
    changedSince: optional(read('changed-since')),
    workingDirectory: optional(read('working-directory')) ?? '.',
    cache: cache === 'true',
    timeout: timeout === undefined ? undefined : Number(timeout),
  };
}

/** Whether the step fails, by the fail-on input. */
export function shouldFail(failOn: FailOn, counts: { errorCount: number; warningCount: number }): boolean {
  if (failOn === 'never') return false;
  return counts.errorCount > 0 || (failOn === 'warning' && counts.warningCount > 0);
}
