import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const pkg = (name: string) =>
  fileURLToPath(new URL(`../../packages/${name}/src/index.ts`, import.meta.url));

export default defineConfig({
  // SWC keeps the decorator metadata that NestJS and TypeORM rely on.
  plugins: [swc.vite({ module: { type: 'es6' } })],
  // Workspace packages are tested from source, never from a stale build.
  resolve: {
    alias: {
      '@baitong/contracts': pkg('contracts'),
      '@baitong/rating-engine': pkg('rating-engine'),
    },
  },
  test: {
    name: 'api',
    include: ['test/**/*.spec.ts'],
    globalSetup: ['test/setup/global-setup.ts'],
    setupFiles: ['test/setup/file-setup.ts'],
    env: { TZ: 'America/Los_Angeles', NODE_ENV: 'test' },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: true,
  },
});
