import { relative, resolve } from 'node:path';
import { toPosix } from '../discover/discover.js';
import type { LintResult } from '../engine/lint.js';

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
export function pathFor(result: LintResult, options: FormatOptions, file: string): string {
  return options.pathBase === undefined ? file : toPosix(relative(options.pathBase, resolve(result.root, file)));
}

/** A formatter turns a result into text. It decides nothing. */
export type Formatter = (result: LintResult, options: FormatOptions) => string;
