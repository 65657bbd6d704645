import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DiscoveredFile } from '../discover/discover.js';
import type { FileJobSettings, FileOutcome } from './process-file.js';
import { WORKER_DATA_FLAG, type WorkerRequest, type WorkerResponse } from './worker.js';

/**
 * Below this many files, starting threads and copying results back costs as
 * much as it saves. Measured on 2 cores (generated corpora, CLI bundle):
 * 1,000 files 0.62 s on this thread, 0.71 s on two workers; 3,000 files
 * 1.13 s and 1.21 s; 10,000 files 4.16 s and 2.21 s.
 */
export const MIN_FILES_FOR_WORKERS = 4000;
const BATCH_SIZE = 128;

/** How many worker threads to use: `auto` uses the cores when the repository is big enough. */
export function workerCount(setting: number | 'auto', files: number): number {
  if (setting !== 'auto') return Math.max(0, Math.floor(setting));
  if (files < MIN_FILES_FOR_WORKERS) return 0;
  return Math.min(availableParallelism(), 8, Math.ceil(files / BATCH_SIZE));
}

/**
 * The compiled worker entry. Tests run the TypeScript sources, where no .js
 * sits beside this file: they use the build in dist/ instead.
 */
export function defaultWorkerUrl(): URL {
  const beside = new URL('./worker-entry.js', import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  return new URL('../../dist/engine/worker-entry.js', import.meta.url);
}

function batchesOf<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let at = 0; at < items.length; at += size) batches.push(items.slice(at, at + size));
  return batches;
}

/**
 * Parse files on `threads` worker threads. Batches are handed out as workers
 * free up, and results are put back in input order, so the output is the same
 * as a single-threaded run.
 */
export async function parseInWorkers(
  files: readonly DiscoveredFile[],
  settings: FileJobSettings,
  threads: number,
  workerUrl: URL = defaultWorkerUrl(),
): Promise<FileOutcome[]> {
  const batches = batchesOf(files, BATCH_SIZE);
  const results: FileOutcome[][] = new Array<FileOutcome[]>(batches.length);
  const workers = Array.from({ length: Math.min(threads, batches.length) }, () => new Worker(workerUrl, { workerData: { [WORKER_DATA_FLAG]: true } }));
  let next = 0;
  try {
    await Promise.all(workers.map((worker) => new Promise<void>((resolve, reject) => {
      let pending: number | undefined;
      const sendNext = (): void => {
        if (next >= batches.length) {
          resolve();
          return;
        }
        pending = next++;
        worker.postMessage({ id: pending, files: batches[pending] ?? [], settings } satisfies WorkerRequest);
      };
      worker.on('message', (response: WorkerResponse) => {
        // One answer per request: anything else is a worker that serves twice, and would lose batches.
        if (response.id !== pending) {
          reject(new Error(`a parsing worker answered request ${response.id} while ${String(pending)} was pending`));
          return;
        }
        if ('error' in response) {
          reject(new Error(`a parsing worker failed: ${response.error}`));
          return;
        }
        results[response.id] = response.outcomes;
        sendNext();
      });
      worker.on('error', reject);
      // A worker that ends while a batch is out, even cleanly, would leave the run waiting forever.
      worker.on('exit', (code) => {
        if (pending !== undefined && results[pending] === undefined) reject(new Error(`a parsing worker stopped (code ${code}) before finishing its files`));
      });
      sendNext();
    })));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results.flat();
}
