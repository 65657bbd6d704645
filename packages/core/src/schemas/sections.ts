/**
 * Body sections each document type must have (level-2 headings, matched
 * case-insensitively). Data, so that a new type adds a line, not a rule.
 */
export const REQUIRED_SECTIONS: Readonly<Record<string, readonly string[]>> = {
  'model-card': ['Intended use', 'Limitations', 'Training data', 'Evaluation', 'Human oversight'],
};

/**
 * Other names the established model-card templates give each required
 * section (Hugging Face's template, OpenAI's system cards, Docker's, Google's
 * Model Card Toolkit). A heading counts when it is one of these, compared by
 * meaning: case, numbering (`2. Intended Use`), punctuation and `&`/`and`
 * aside. `options.sections` of model-card/section-missing adds more.
 */
export const SECTION_ALIASES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  'model-card': {
    'Intended use': ['Intended uses', 'Uses', 'Model use', 'Intended use cases', 'Use cases', 'Intended purpose', 'Direct use', 'Intended uses & limitations'],
    Limitations: ['Bias, Risks, and Limitations', 'Risks and limitations', 'Known limitations', 'Limitations and biases', 'Limitations and bias', 'Caveats and recommendations', 'Risks, limitations and biases', 'Intended uses & limitations'],
    'Training data': ['Training details', 'Data', 'Training', 'Training dataset', 'Training datasets', 'Training and evaluation data', 'Datasets'],
    Evaluation: ['Evaluation results', 'Evaluations', 'Performance', 'Results', 'Metrics', 'Quantitative analyses', 'Testing data, factors & metrics', 'Training and evaluation data'],
    'Human oversight': ['Oversight', 'Human in the loop', 'Human review', 'Human oversight and control'],
  },
};

/** Document types whose body tables the checks read; other documents' tables are not kept in the index. */
export const TABLE_TYPES: ReadonlySet<string> = new Set(['soa']);
