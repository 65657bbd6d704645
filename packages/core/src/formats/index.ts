import { githubChunks } from './github.js';
import { jsonChunks } from './json.js';
import { junitChunks } from './junit.js';
import { markdownChunks } from './markdown.js';
import { sarifChunks } from './sarif.js';
import { stylishChunks } from './stylish.js';
import { joined, type ChunkFormatter, type Formatter } from './types.js';

export type { ChunkFormatter, Formatter, FormatOptions } from './types.js';

/** Each format as chunks: what the CLI and the Action write, so that no output has to fit in one string. */
export const FORMAT_CHUNKS: Readonly<Record<string, ChunkFormatter>> = { stylish: stylishChunks, json: jsonChunks, sarif: sarifChunks, github: githubChunks, markdown: markdownChunks, junit: junitChunks };

/** Each format as one string. */
export const FORMATTERS: Readonly<Record<string, Formatter>> = Object.fromEntries(Object.entries(FORMAT_CHUNKS).map(([name, format]) => [name, joined(format)]));

export function formatterNames(): string[] {
  return Object.keys(FORMAT_CHUNKS);
}
