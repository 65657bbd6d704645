import { renameSync, rmSync, writeFileSync } from 'node:fs';
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
