/** Types of generate.mjs, for the TypeScript tests that use the generated corpora. */
export declare const GENERATOR_VERSION: number;
export declare const CORPUS_ROOT: string;
export declare function ensureCorpus(n: number, options?: { force?: boolean; log?: (line: string) => void; docSize?: 'default' | 'large' }): string;
