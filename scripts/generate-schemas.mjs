#!/usr/bin/env node
// Writes schemas/<type>.schema.json from the TypeScript definitions in
// packages/core/src/schemas, for editors and other JSON Schema tools.
// Run after `pnpm build`; the schemas test fails while the files are stale.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';

const { builtinSchemas, documentTypes, renderSchemaFile, schemaFileName } = await import(
  new URL('../packages/core/dist/schemas/index.js', import.meta.url).href
);

const outDir = new URL('../schemas/', import.meta.url);
await mkdir(outDir, { recursive: true });

// A type that was removed or renamed must not leave its old file behind.
const wanted = new Set(documentTypes.map(schemaFileName));
for (const name of await readdir(outDir)) {
  if (name.endsWith('.schema.json') && !wanted.has(name)) await rm(new URL(name, outDir));
}

for (const type of documentTypes) {
  await writeFile(new URL(schemaFileName(type), outDir), renderSchemaFile(builtinSchemas[type]));
}
console.log(`wrote ${documentTypes.length} schemas to schemas/`);
