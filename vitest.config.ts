import { defineConfig } from 'vitest/config';

// One run for every project; each project has its own config beside its package.json.
export default defineConfig({
  test: {
    projects: [
      'packages/contracts',
      'packages/rating-engine',
      'packages/web-client',
      'apps/api',
      'apps/console',
      'apps/resident',
    ],
  },
});
