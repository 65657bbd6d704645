/**
 * Body sections each document type must have (level-2 headings, matched
 * case-insensitively). Data, so that a new type adds a line, not a rule.
 */
export const REQUIRED_SECTIONS: Readonly<Record<string, readonly string[]>> = {
  'model-card': ['Intended use', 'Limitations', 'Training data', 'Evaluation', 'Human oversight'],
};

/** Document types whose body tables the checks read; other documents' tables are not kept in the index. */
export const TABLE_TYPES: ReadonlySet<string> = new Set(['soa']);
