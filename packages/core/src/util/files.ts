import { randomBytes } from 'node:crypto';
import { closeSync, constants, fsyncSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Replace a file in one step: write a temporary file beside it, then rename.
 * A crash or a full disk leaves the old file or none, never half of one, and
 * no temporary file. Errors name `path`, not the temporary file.
 */
export function replaceFileAtomically(path: string, data: string | Uint8Array): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // No temporary file could be made there (`-o /dev/full/x`): nothing to clean up.
    }
    if (error instanceof Error) error.message = error.message.replace(temporary, path);
    throw error;
  }
}

/** Bytes of `chunk`, written whole: `writeSync` may write less than it was given. */
function writeAll(fd: number, chunk: string | Uint8Array): void {
  const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  for (let written = 0; written < bytes.byteLength;) written += writeSync(fd, bytes, written);
}

/** Text chunks are gathered to about this many characters per write: one system call per table cell would be slow. */
const WRITE_SIZE = 1 << 16;

/** Chunks to an open file, in order, whole. */
export function writeChunks(fd: number, chunks: Iterable<string | Uint8Array>): void {
  let pending = '';
  for (const chunk of chunks) {
    if (typeof chunk === 'string') pending += chunk;
    if (typeof chunk === 'string' && pending.length < WRITE_SIZE) continue;
    writeAll(fd, pending);
    pending = '';
    if (typeof chunk !== 'string') writeAll(fd, chunk);
  }
  writeAll(fd, pending);
}

/**
 * `replaceFileAtomically` for text made in chunks (a report too large for one
 * string): the chunks go one after the other into a new temporary file beside
 * `path`, which is flushed to disk and renamed over `path`. The temporary name
 * is random and the file is created exclusively, without following a link, so
 * a link the repository planted cannot redirect the write. A failure leaves
 * the old file and no temporary file, and names `path`.
 */
export function replaceFileAtomicallyFrom(path: string, chunks: Iterable<string | Uint8Array>): void {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`);
  let fd: number | undefined;
  // Only a file this call created is removed: with O_EXCL, a failed open created none.
  let created = false;
  try {
    fd = openSync(temporary, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | constants.O_NOFOLLOW, 0o666);
    created = true;
    writeChunks(fd, chunks);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, path);
  } catch (error) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // The write already failed; that error is the one to report.
      }
    }
    if (created) rmSync(temporary, { force: true });
    if (error instanceof Error) error.message = error.message.replace(temporary, path);
    throw error;
  }
}
