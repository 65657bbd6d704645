// Bundles the extension and vscode-languageclient into one CommonJS file, as
// VS Code loads extensions; `vscode` itself is provided by the editor.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

await build({
  entryPoints: [fileURLToPath(new URL('./src/extension.ts', import.meta.url))],
  outfile: fileURLToPath(new URL('./dist/extension.cjs', import.meta.url)),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
