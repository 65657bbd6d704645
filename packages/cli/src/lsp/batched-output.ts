import { Writable } from 'node:stream';

const FLUSH_MS = 2;

/**
 * The server's output, written in pieces at most a couple of milliseconds
 * apart: an edit that changes the findings of a thousand documents sends a
 * thousand notifications, and the JSON-RPC writer waits for each write to
 * finish (a turn of the event loop) before the next. Here a write finishes at
 * once (kept in memory) and what the next 2 ms write goes out with it.
 */
export function batchedOutput(target: NodeJS.WritableStream): Writable {
  let pending: Buffer[] = [];
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (pending.length === 0) return;
    const chunk = Buffer.concat(pending);
    pending = [];
    target.write(chunk);
  };
  return new Writable({
    write(chunk: Buffer | string, encoding, done) {
      pending.push(typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk);
      if (!scheduled) {
        scheduled = true;
        setTimeout(flush, FLUSH_MS);
      }
      done();
    },
    final(done) {
      flush();
      done();
    },
  });
}
