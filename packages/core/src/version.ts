/** The tool's version; a test keeps it equal to packages/core/package.json. */
export const VERSION = '0.1.0';

/** Where each rule's documentation lives: `${DOCS_BASE_URL}/<rule id>.md`. */
export const DOCS_BASE_URL = 'https://github.com/aimslint/aimslint/blob/main/docs/rules';
