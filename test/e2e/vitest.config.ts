// End-to-end tests in code-server: `vitest run --config test/e2e/vitest.config.ts`.
// One file at a time (each drives a whole VS Code and a browser on 2 cores),
// with timeouts sized for the workbench and its extension host starting up.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default defineConfig({
  test: {
    root,
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
