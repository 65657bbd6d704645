/** The SARIF of every example repository validates against the official SARIF 2.1.0 schema. */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCS_BASE_URL, FORMATTERS, VERSION, lint } from '@aimslint/core';
import { EXAMPLES, NOW } from './example-repository.js';

// The schema and its validator are devDependencies of packages/core: resolve them from there.
const fromCore = createRequire(new URL('../packages/core/package.json', import.meta.url));
type Validator = ((data: unknown) => boolean) & { errors?: unknown[] | null };
const AjvDraft04 = (fromCore('ajv-draft-04') as { default: new (options: object) => { compile(schema: object): Validator } }).default;
const addFormats = (fromCore('ajv-formats') as { default: (ajv: object) => void }).default;

function sarifValidator(): Validator {
  const schema = JSON.parse(readFileSync(fromCore.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
  // The schema's `language` pattern has a stray `]` that only non-Unicode regular expressions accept.
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('SARIF of the examples', () => {
  const validate = sarifValidator();
  const examples = readdirSync(EXAMPLES, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

  it.each(examples)('%s', async (example) => {
    const result = await lint({ cwd: join(EXAMPLES, example), now: NOW });
    const log = JSON.parse(FORMATTERS['sarif']?.(result, { color: false, docsBaseUrl: DOCS_BASE_URL, toolVersion: VERSION }) ?? '{}') as { runs: { results: unknown[] }[] };
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(log.runs[0]?.results).toHaveLength(result.errorCount + result.warningCount);
  });
});
