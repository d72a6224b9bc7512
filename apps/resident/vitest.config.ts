import { defineProject, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineProject({
    test: {
      name: 'resident',
      environment: 'happy-dom',
      include: ['test/**/*.spec.ts'],
      setupFiles: ['test/setup.ts'],
      // Times are asserted in Asia/Shanghai; the machine's zone must not matter.
      env: { TZ: 'America/New_York' },
    },
  }),
);
