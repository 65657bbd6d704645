// Bundles the two programs users run straight from a checkout, each into ONE
// committed file: GitHub runs the Action without installing anything, and
// pre-commit installs the CLI with npm, which cannot resolve pnpm workspaces.
//   node scripts/bundle.mjs                 both, in place
//   node scripts/bundle.mjs <name> <out>    one of them (the freshness tests)
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export const BUNDLES = {
  action: { entry: '../packages/action/src/main.ts', out: '../packages/action/dist/index.mjs' },
  cli: { entry: '../packages/cli/src/bundle-entry.ts', out: '../packages/cli/dist/aimslint.mjs' },
};

async function bundle(name, outfile) {
  const target = BUNDLES[name];
  if (!target) throw new Error(`unknown bundle "${name}"; known: ${Object.keys(BUNDLES).join(', ')}`);
  await build({
    entryPoints: [here(target.entry)],
    outfile: outfile ?? here(target.out),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    // From the sources: a bundle must not depend on whether packages/core/dist was built.
    alias: { '@aimslint/core': here('../packages/core/src/index.ts') },
    // Bundled CommonJS dependencies call require() for Node's built-ins, which ESM does not define.
    banner: { js: "import { createRequire as __aimslintCreateRequire } from 'node:module'; const require = __aimslintCreateRequire(import.meta.url);" },
  });
}

const [name, outfile] = process.argv.slice(2);
if (name) await bundle(name, outfile);
else for (const each of Object.keys(BUNDLES)) await bundle(each);
