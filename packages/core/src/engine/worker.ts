/**
 * The parsing worker: parses files and runs the document rules on them, for
 * the pool in ./worker-pool.ts. Each worker keeps one schema registry. The
 * thread's entry is ./worker-entry.ts, or a bundle that calls
 * `serveParseRequests` when `isParseWorker()`.
 */
import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { DiscoveredFile } from '../discover/discover.js';
import { SchemaRegistry } from '../schemas/registry.js';
import { processFile, type FileJobSettings, type FileOutcome } from './process-file.js';

/** Set in `workerData` when the pool starts a thread: a bundle that is also a program knows it is a worker. */
export const WORKER_DATA_FLAG = 'aimslintParseWorker';

export interface WorkerRequest {
  id: number;
  files: DiscoveredFile[];
  settings: FileJobSettings;
}

export type WorkerResponse = { id: number; outcomes: FileOutcome[] } | { id: number; error: string };

/** Serve requests on a message port; returns nothing, the port keeps the thread alive. */
export function serveParseRequests(port: MessagePort): void {
  let registry: { key: string; schemas: SchemaRegistry } | undefined;
  const schemasFor = (customSchemas: Record<string, object>): SchemaRegistry => {
    const key = JSON.stringify(customSchemas);
    if (registry?.key !== key) registry = { key, schemas: new SchemaRegistry(customSchemas) };
    return registry.schemas;
  };
  port.on('message', (request: WorkerRequest) => {
    try {
      const schemas = schemasFor(request.settings.customSchemas);
      const outcomes = request.files.map((file) => processFile(file, request.settings, schemas));
      port.postMessage({ id: request.id, outcomes } satisfies WorkerResponse);
    } catch (error) {
      port.postMessage({ id: request.id, error: (error as Error).stack ?? String(error) } satisfies WorkerResponse);
    }
  });
}

/** True in a thread the pool started: a bundle that is also a program serves requests instead of running. */
export function isParseWorker(): boolean {
  return !isMainThread && parentPort !== null && (workerData as Record<string, unknown> | null)?.[WORKER_DATA_FLAG] === true;
}
