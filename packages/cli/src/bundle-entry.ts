/**
 * The entry of the committed CLI bundle. The same file is the main program
 * and, started as a worker thread, a parsing worker: one file serves both.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { serveParseRequests, WORKER_DATA_FLAG } from '@aimslint/core';

export { main } from './main.js';

/** This file, for starting parsing workers from it. */
export const WORKER_URL = new URL(import.meta.url);

if (!isMainThread && parentPort && (workerData as Record<string, unknown> | null)?.[WORKER_DATA_FLAG] === true) serveParseRequests(parentPort);
