import type { LintResult } from '../engine/lint.js';

export interface FormatOptions {
  /** ANSI colours (stylish only). */
  color: boolean;
  /** Base URL of the rule docs, for formats that link to them. */
  docsBaseUrl: string;
  toolVersion: string;
}

/** A formatter turns a result into text. It decides nothing. */
export type Formatter = (result: LintResult, options: FormatOptions) => string;
