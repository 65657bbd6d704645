import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Tests run against the sources, not a stale build.
    alias: { '@aimslint/core': fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)) },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    // .ci/run asks for a JSON report too, to print the plain "N passed, N failed" line CI reads.
    reporters: process.env['AIMSLINT_TEST_JSON'] ? ['default', 'json'] : ['default'],
    ...(process.env['AIMSLINT_TEST_JSON'] ? { outputFile: { json: process.env['AIMSLINT_TEST_JSON'] } } : {}),
    testTimeout: 20_000,
    pool: 'threads',
  },
});
