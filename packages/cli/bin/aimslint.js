#!/usr/bin/env node
// Ctrl-C (or SIGTERM) at any moment, even while the bundle loads: one line and
// 128 + the signal, as shells report it. Reports and the cache are written
// synchronously to a temporary file and renamed, so this never runs half-way
// through a write: nothing half-written or temporary is left behind.
const interrupted = (signal) => {
  process.stderr.write(`aimslint: interrupted by ${signal}\n`);
  process.exit(signal === 'SIGINT' ? 130 : 143);
};
process.once('SIGINT', interrupted);
process.once('SIGTERM', interrupted);

const { main, WORKER_URL } = await import('../dist/aimslint.mjs');
const { closeSync } = await import('node:fs');

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  workerUrl: WORKER_URL,
  // The time budget is spent: its one line is on stderr already. Closing stderr keeps Node's own note about the
  // watchdog's inspector session out of it; the 'exit' handlers still clean up temporary files.
  onTimeout: () => {
    closeSync(2);
    process.exit(2);
  },
});
