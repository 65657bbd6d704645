// Compiles the built-in JSON Schemas with ajv ahead of time, after `pnpm build`:
//   node scripts/generate-validators.mjs
import { writeFileSync } from 'node:fs';
import { generateValidatorsModule } from '../packages/core/dist/schemas/standalone.js';

const target = new URL('../packages/core/src/schemas/validators.generated.ts', import.meta.url);
writeFileSync(target, generateValidatorsModule());
console.log('wrote packages/core/src/schemas/validators.generated.ts');
