/**
 * A hard time budget for a run, kept by a thread of its own, so it fires even
 * while the main thread is stuck in one long computation (a schema `pattern`
 * that backtracks for hours, say), when timers and signal handlers on the main
 * thread never get their turn.
 *
 * When the budget is spent, the watchdog thread writes `message` to standard
 * error itself, then asks V8, through the in-process inspector, to run the
 * adapter's `onExpire` on the main thread: the inspector interrupts running
 * JavaScript, so it gets through where nothing else would. The engine never
 * exits the process; the adapter's `onExpire` does (the CLI and the Action
 * exit with status 2).
 */
import { Worker } from 'node:worker_threads';
import { DEFAULT_LIMITS } from '../config/types.js';

const HOOK = 'aimslint.watchdog.expire';

// Plain CommonJS for `eval`, so the bundles need no extra file.
const WATCHDOG_SOURCE = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
setTimeout(() => {
  try { writeSync(2, workerData.message); } catch {}
  try {
    // Connected only now: a session left open would make Node print a note about it at every other exit (Ctrl-C).
    const { Session } = require('node:inspector');
    const session = new Session();
    session.connectToMainThread();
    session.post('Runtime.evaluate', { expression: 'globalThis[Symbol.for(' + JSON.stringify(workerData.hook) + ')]?.()' });
  } catch {
    process.kill(process.pid, 'SIGKILL');
  }
}, workerData.milliseconds);
`;

/** The longest delay a timer takes; a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The budget of a run: the caller's (the workflow's `timeout`,
 * `--max-run-seconds`) or the default. The config is the pull request's, so
 * its `limits.maxRunSeconds` may shorten the budget, never lengthen it.
 */
export function budgetSeconds(callerSeconds: number | undefined, configSeconds: number): number {
  const trusted = callerSeconds ?? DEFAULT_LIMITS.maxRunSeconds;
  return configSeconds < DEFAULT_LIMITS.maxRunSeconds ? Math.min(trusted, configSeconds) : trusted;
}

export interface Watchdog {
  /** The run ended in time: end the watchdog thread. */
  stop(): Promise<void>;
}

/**
 * Start the budget. `onExpire` runs on the main thread, interrupting whatever
 * it was doing, and must end the process (it should not write to standard
 * error: the message is already there, and Node's own note about the
 * inspector session must not follow it).
 */
export function startWatchdog(seconds: number, message: string, onExpire: () => void): Watchdog {
  const key = Symbol.for(HOOK);
  (globalThis as Record<symbol, unknown>)[key] = onExpire;
  const worker = new Worker(WATCHDOG_SOURCE, { eval: true, workerData: { milliseconds: Math.min(MAX_TIMER_MS, Math.max(1, seconds * 1000)), message, hook: HOOK } });
  // The budget never keeps a finished run alive.
  worker.unref();
  return {
    async stop() {
      delete (globalThis as Record<symbol, unknown>)[key];
      await worker.terminate();
    },
  };
}
