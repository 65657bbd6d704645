import { randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, fsyncSync, lstatSync, openSync, readSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';

/** True when `path` (absolute) lies inside `root` (absolute), judged as written. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  // `..policy.schema.json` is a name inside; only `..` itself or `../…` leaves.
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * True when `path` lies inside `root` once every link on the way is resolved:
 * a repository can commit `schemas/x.json -> /etc/passwd`, which is inside as
 * written. A path that does not exist yet is judged by its nearest existing
 * folder.
 */
export function isReallyInside(root: string, path: string): boolean {
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return false;
  }
  for (let current = path; ; current = dirname(current)) {
    try {
      const real = realpathSync(current);
      return isInside(realRoot, join(real, relative(current, path)));
    } catch {
      if (dirname(current) === current) return false;
    }
  }
}

export type BoundedRead = { kind: 'ok'; bytes: Uint8Array } | { kind: 'too-large'; size: number } | { kind: 'special' };

const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * Read at most `max` bytes. Opened non-blocking and checked on the open
 * descriptor, so a FIFO or device (even one swapped in after a check) is
 * never waited on, and a file that grows while it is read stops at the limit.
 * With `followLinks: false` a symbolic link is refused by the open itself
 * (ELOOP), so no check-then-open race can swap one in.
 */
export function readBounded(path: string, max: number, { followLinks = true }: { followLinks?: boolean } = {}): BoundedRead {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (followLinks ? 0 : NO_FOLLOW));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { kind: 'special' };
    if (stat.size > max) return { kind: 'too-large', size: stat.size };
    let buffer = Buffer.allocUnsafe(stat.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const grown = Buffer.allocUnsafe(Math.min(max + 1, buffer.length * 2));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const requested = buffer.length - length;
      const count = readSync(fd, buffer, length, requested, null);
      length += count;
      if (length > max) return { kind: 'too-large', size: length };
      // A regular file reads short only at its end: no further call to hear `0`, one system call fewer per file.
      if (count < requested) break;
    }
    return { kind: 'ok', bytes: buffer.subarray(0, length) };
  } finally {
    closeSync(fd);
  }
}

export class UnsafeFileError extends Error {
  override readonly name = 'UnsafeFileError';
}

/**
 * The text of a settings file the repository provides (config, schema,
 * `.gitignore`): a regular file of at most `max` bytes whose real path lies
 * inside `root`. A link out of the repository (`/proc/self/environ`), a device
 * (`/dev/zero`) or an oversized file is refused with an UnsafeFileError that
 * says why, before a byte is read.
 */
export function readSettingsText(path: string, root: string, max: number): string {
  if (!isReallyInside(root, path)) throw new UnsafeFileError('it is a link to a place outside the repository');
  const read = readBounded(path, max);
  if (read.kind === 'special') throw new UnsafeFileError('it is not a regular file');
  if (read.kind === 'too-large') throw new UnsafeFileError(`it is larger than ${Math.round(max / 1024)} KB`);
  return Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength).toString('utf8');
}

/** What is at `path` itself, a link not followed; undefined when nothing is there. */
function entryAt(path: string): ReturnType<typeof lstatSync> | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** A symbolic link at `path` (not followed); false when nothing is there. */
export const isSymbolicLinkAt = (path: string): boolean => entryAt(path)?.isSymbolicLink() === true;
/** A folder at `path` itself, not one a link points to. */
export const isFolderAt = (path: string): boolean => entryAt(path)?.isDirectory() === true;
/** A regular file at `path` itself, not one a link points to. */
export const isRegularFileAt = (path: string): boolean => entryAt(path)?.isFile() === true;

/**
 * Replace a file in one step: write a temporary file beside it, then rename.
 * A crash or a full disk leaves the old file or none, never half of one, and
 * no temporary file. Errors name `path`, not the temporary file.
 *
 * The temporary file has an unguessable name and is created with O_EXCL and
 * O_NOFOLLOW, so a link committed in its place cannot redirect the write; the
 * rename replaces a link at `path` itself rather than writing through it.
 */
export function replaceFileAtomically(path: string, data: string | Uint8Array): void {
  replaceFileAtomicallyFrom(path, [data]);
}

/** Open `path` for appending without following a link at it; the caller closes the descriptor. */
export function openForAppendNoFollow(path: string): number {
  return openSync(path, constants.O_WRONLY | constants.O_APPEND | NO_FOLLOW);
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
