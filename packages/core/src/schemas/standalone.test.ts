import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinSchemas } from './index.js';
import { newAjv } from './ajv.js';
import { generateValidatorsModule } from './standalone.js';
import { SchemaRegistry } from './registry.js';

describe('validators compiled at build time', () => {
  it('are what the schemas compile to (run pnpm build && node scripts/generate-validators.mjs)', () => {
    const committed = readFileSync(new URL('./validators.generated.ts', import.meta.url), 'utf8');
    expect(committed === generateValidatorsModule()).toBe(true);
  });

  it('judge every example and a broken document as the run-time compiler does', () => {
    const ajv = newAjv();
    const registry = new SchemaRegistry();
    for (const [type, schema] of Object.entries(builtinSchemas)) {
      const atRunTime = ajv.compile(schema);
      const samples = [...((schema['examples'] as unknown[] | undefined) ?? []), { id: 'pol-1', type, status: 'aproved', version: 1.1, ownr: 'x' }];
      for (const sample of samples) {
        atRunTime(sample);
        const errors = registry.validate(type, sample).map((error) => [error.keyword, error.instancePath, error.params]);
        expect(errors).toEqual((atRunTime.errors ?? []).map((error) => [error.keyword, error.instancePath, error.params]));
      }
    }
  });
});
