// Bundles the Action into ONE committed file, dist/index.mjs, as GitHub runs
// actions straight from the repository without installing dependencies.
// Usage: node packages/action/build.mjs [outfile]   (the freshness test passes a temp path)
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

await build({
  entryPoints: [here('./src/main.ts')],
  outfile: process.argv[2] ?? here('./dist/index.mjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  // Bundle the engine from its sources: the bundle must not depend on whether packages/core/dist was built.
  alias: { '@aimslint/core': here('../core/src/index.ts') },
  // Bundled CommonJS dependencies call require() for Node's built-ins, which ESM does not define.
  banner: { js: "import { createRequire as __aimslintCreateRequire } from 'node:module'; const require = __aimslintCreateRequire(import.meta.url);" },
});
