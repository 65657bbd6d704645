import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DiscoveredFile } from '../discover/discover.js';
import { SchemaRegistry } from '../schemas/registry.js';
import { processFile, type FileJobSettings, type FileOutcome } from './process-file.js';
import { WORKER_DATA_FLAG, type WorkerRequest, type WorkerResponse } from './worker.js';

/**
 * Below this many files, starting threads and copying results back costs as
 * much as it saves. Measured on 2 cores (generated corpora, CLI bundle):
 * 1,000 files 0.62 s on this thread, 0.71 s on two workers; 3,000 files
 * 1.13 s and 1.21 s; 10,000 files 4.16 s and 2.21 s.
 */
export const MIN_FILES_FOR_WORKERS = 4000;
const BATCH_SIZE = 128;
/**
 * Batches a worker holds at once: while this thread parses a batch of its
 * own, a worker that finishes one goes on with the next instead of waiting.
 */
const BATCHES_IN_FLIGHT = 2;

/**
 * How many worker threads to start; this thread parses beside them. `auto`
 * uses the cores for repositories big enough to gain: one fewer worker than
 * cores, as this thread is the last. A second worker on 2 cores cost 1.2 s
 * more CPU at 10,000 documents (its own start and warm-up, and copying every
 * result back) and, on a machine that is busy anyway, gained no time.
 */
export function workerCount(setting: number | 'auto', files: number): number {
  if (setting !== 'auto') return Math.max(0, Math.floor(setting));
  if (files < MIN_FILES_FOR_WORKERS) return 0;
  return Math.min(availableParallelism() - 1, 8, Math.ceil(files / BATCH_SIZE));
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

/** Hands out batch numbers, each once, to the workers and this thread alike. */
type NextBatch = () => number | undefined;

/** Keep one worker busy until no batch is left; resolves when it has answered all it was sent. */
function serveBatches(worker: Worker, batches: readonly DiscoveredFile[][], results: FileOutcome[][], nextBatch: NextBatch, settings: FileJobSettings): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const pending = new Set<number>();
    const sendNext = (): void => {
      const id = nextBatch();
      if (id === undefined) {
        if (pending.size === 0) resolve();
        return;
      }
      pending.add(id);
      worker.postMessage({ id, files: batches[id] ?? [], settings } satisfies WorkerRequest);
    };
    worker.on('message', (response: WorkerResponse) => {
      // One answer per request: anything else is a worker that serves twice, and would lose batches.
      if (!pending.has(response.id)) {
        reject(new Error(`a parsing worker answered request ${response.id}, which it did not hold`));
        return;
      }
      if ('error' in response) {
        reject(new Error(`a parsing worker failed: ${response.error}`));
        return;
      }
      pending.delete(response.id);
      results[response.id] = response.outcomes;
      sendNext();
    });
    worker.on('error', reject);
    // A worker that ends while a batch is out, even cleanly, would leave the run waiting forever.
    worker.on('exit', (code) => {
      if (pending.size > 0) reject(new Error(`a parsing worker stopped (code ${code}) before finishing its files`));
    });
    for (let held = 0; held < BATCHES_IN_FLIGHT; held++) sendNext();
  });
}

/**
 * This thread's share: batches until none is left or `stopped()` (a worker
 * failed). Between batches the event loop turns, so workers get their next
 * batch and Ctrl-C is answered.
 */
async function parseHere(batches: readonly DiscoveredFile[][], results: FileOutcome[][], nextBatch: NextBatch, settings: FileJobSettings, stopped: () => boolean): Promise<void> {
  const schemas = new SchemaRegistry(settings.customSchemas);
  for (let id = nextBatch(); id !== undefined && !stopped(); id = nextBatch()) {
    results[id] = (batches[id] ?? []).map((file) => processFile(file, settings, schemas));
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Parse files on `threads` worker threads and on this thread. Batches are
 * handed out as threads free up (workers get theirs first, as they take a
 * while to start), and results are put back in input order, so the output is
 * the same as a single-threaded run. Only the workers' outcomes are copied
 * between threads.
 */
export async function parseInWorkers(
  files: readonly DiscoveredFile[],
  settings: FileJobSettings,
  threads: number,
  workerUrl: URL = defaultWorkerUrl(),
): Promise<FileOutcome[]> {
  const batches = batchesOf(files, BATCH_SIZE);
  const results: FileOutcome[][] = new Array<FileOutcome[]>(batches.length);
  let next = 0;
  const nextBatch: NextBatch = () => (next < batches.length ? next++ : undefined);
  const workers = Array.from({ length: Math.min(threads, batches.length) }, () => new Worker(workerUrl, { workerData: { [WORKER_DATA_FLAG]: true } }));
  let failed = false;
  try {
    const served = workers.map((worker) => serveBatches(worker, batches, results, nextBatch, settings));
    // A failed worker stops this thread's share too; Promise.all below throws its error.
    for (const serving of served) serving.catch(() => { failed = true; });
    await parseHere(batches, results, nextBatch, settings, () => failed);
    await Promise.all(served);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results.flat();
}
