import { relative, resolve } from 'node:path';
import { toPosix } from '../discover/discover.js';
import type { FindingsResult } from '../engine/lint.js';
import { joinChunks } from '../util/chunks.js';

export interface FormatOptions {
  /** ANSI colours (stylish only). */
  color: boolean;
  /** Base URL of the rule docs, for formats that link to them. */
  docsBaseUrl: string;
  toolVersion: string;
  /**
   * The folder that paths in `github` and `sarif` output are relative to: where
   * the CI job runs (the workspace), which need not be the aimslint root when
   * the AIMS lives in a subfolder. Default: the root.
   */
  pathBase?: string | undefined;
}

/** A finding's path as a format that is read from `pathBase` must write it. */
export function pathFor(result: FindingsResult, options: FormatOptions, file: string): string {
  return options.pathBase === undefined ? file : toPosix(relative(options.pathBase, resolve(result.root, file)));
}

/** A formatter turns a result into text. It decides nothing. */
export type Formatter = (result: FindingsResult, options: FormatOptions) => string;

/**
 * A formatter that hands its text over in chunks, so that no output, however
 * many findings, has to fit in one string (see util/chunks.ts).
 */
export type ChunkFormatter = (result: FindingsResult, options: FormatOptions) => Iterable<string>;

/** The one-string form of a chunk formatter. */
export const joined = (format: ChunkFormatter): Formatter => (result, options) => joinChunks(format(result, options));
