/** The file a parsing worker thread starts from, in the compiled engine. */
import { parentPort } from 'node:worker_threads';
import { isParseWorker, serveParseRequests } from './worker.js';

if (isParseWorker() && parentPort) serveParseRequests(parentPort);
