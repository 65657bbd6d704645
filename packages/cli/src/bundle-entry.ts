/**
 * The entry of the committed CLI bundle. The same file is the main program
 * and, started as a worker thread by the engine's pool, a parsing worker.
 */
import { parentPort } from 'node:worker_threads';
import { isParseWorker, serveParseRequests } from '@aimslint/core';

export { main } from './main.js';

/** This file, for starting parsing workers from it. */
export const WORKER_URL = new URL(import.meta.url);

if (isParseWorker() && parentPort) serveParseRequests(parentPort);
