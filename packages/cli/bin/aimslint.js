#!/usr/bin/env node
import { main, WORKER_URL } from '../dist/aimslint.mjs';

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  workerUrl: WORKER_URL,
});
