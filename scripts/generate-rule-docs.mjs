// Writes docs/rules/<rule id>.md (the help URI of every finding) and the
// index docs/rules/README.md from the rules' own metadata, after `pnpm build`.
//   node scripts/generate-rule-docs.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderRuleDoc, renderRuleIndex } from '../packages/core/dist/rules/docs.js';
import { RULES } from '../packages/core/dist/rules/index.js';

const docs = fileURLToPath(new URL('../docs/rules/', import.meta.url));
for (const rule of RULES) {
  const file = join(docs, `${rule.id}.md`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, renderRuleDoc(rule));
}
writeFileSync(join(docs, 'README.md'), renderRuleIndex(RULES));
console.log(`wrote ${RULES.length} rule pages to docs/rules/`);
