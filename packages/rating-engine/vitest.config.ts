import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'rating-engine',
    include: ['test/**/*.spec.ts'],
  },
});
