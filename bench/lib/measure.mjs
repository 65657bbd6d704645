/**
 * Runs a command as a child process and measures wall time and peak
 * resident memory: with GNU time (`/usr/bin/time -f %M`) when present, else
 * by polling VmHWM in /proc/<pid>/status.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';
const POLL_MS = 20;

/** @returns {boolean} GNU time is installed */
export function hasGnuTime() {
  return existsSync(GNU_TIME);
}

/**
 * @typedef {object} Measurement
 * @property {number} wallS seconds from spawn to exit
 * @property {number | undefined} peakMiB peak resident memory of the (largest) process
 * @property {number | null} code exit status
 * @property {string | null} signal the signal that ended it
 * @property {boolean} timedOut
 * @property {string} stdoutPath
 * @property {string} stderrPath
 * @property {number} outputBytes stdout plus stderr
 */

/**
 * Peak memory reported by GNU time's `-o` file, and a signal it saw.
 * @param {string} path
 * @returns {{ peakMiB: number | undefined, signal: string | null }}
 */
function readGnuTime(path) {
  const lines = existsSync(path) ? readFileSync(path, 'utf8').trim().split('\n') : [];
  const kib = Number(lines.at(-1));
  const signalled = lines.map((line) => /terminated by signal (\d+)/.exec(line)).find(Boolean);
  return { peakMiB: Number.isFinite(kib) && kib > 0 ? kib / 1024 : undefined, signal: signalled ? `signal ${signalled[1]}` : null };
}

/**
 * @param {number} pid
 * @returns {number | undefined} VmHWM of the process in MiB
 */
function readHighWater(pid) {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs `command args` in `cwd` once, its output going to files in `scratch`.
 * @param {{ command: string, args: string[], cwd: string, scratch: string, label: string, timeoutS: number }} run
 * @returns {Promise<Measurement>}
 */
export function measure(run) {
  const stdoutPath = join(run.scratch, `${run.label}.stdout`);
  const stderrPath = join(run.scratch, `${run.label}.stderr`);
  const timePath = join(run.scratch, `${run.label}.time`);
  const gnu = hasGnuTime();
  const [command, args] = gnu ? [GNU_TIME, ['-f', '%M', '-o', timePath, run.command, ...run.args]] : [run.command, run.args];
  const out = openSync(stdoutPath, 'w');
  const err = openSync(stderrPath, 'w');
  const started = performance.now();
  const child = spawn(command, args, { cwd: run.cwd, stdio: ['ignore', out, err], detached: true });
  let polled;
  const poller = gnu ? undefined : setInterval(() => { polled = Math.max(polled ?? 0, readHighWater(child.pid) ?? 0) || undefined; }, POLL_MS);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone between the timer firing and the kill.
    }
  }, run.timeoutS * 1000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const wallS = (performance.now() - started) / 1000;
      clearTimeout(timer);
      clearInterval(poller);
      closeSync(out);
      closeSync(err);
      const fromTime = gnu ? readGnuTime(timePath) : { peakMiB: polled, signal: null };
      resolve({
        wallS, peakMiB: fromTime.peakMiB, code: fromTime.signal ? null : code, signal: signal ?? fromTime.signal, timedOut,
        stdoutPath, stderrPath, outputBytes: statSync(stdoutPath).size + statSync(stderrPath).size,
      });
    });
  });
}

/**
 * Runs `times` times (a `before` hook first each time) and keeps the fastest
 * run, with the highest peak memory seen; stops at the first failed run.
 * @param {Parameters<typeof measure>[0]} run
 * @param {number} times
 * @param {(m: Measurement) => string | undefined} failure why a run failed, if it did
 * @param {(i: number) => void} [before]
 * @returns {Promise<Measurement & { failure?: string }>}
 */
export async function bestOf(run, times, failure, before = () => {}) {
  let best;
  let peak;
  for (let i = 0; i < times; i += 1) {
    before(i);
    const m = await measure(run);
    const failed = failure(m);
    if (failed) return { ...m, failure: failed };
    peak = Math.max(peak ?? 0, m.peakMiB ?? 0) || undefined;
    if (!best || m.wallS < best.wallS) best = m;
  }
  return { ...best, peakMiB: peak };
}
