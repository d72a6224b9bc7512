import { defineProject, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineProject({
    test: {
      name: 'console',
      environment: 'happy-dom',
      include: ['test/**/*.spec.ts'],
      setupFiles: ['test/setup.ts'],
      // Whole pages with Element Plus dialogs and forms: slow on a busy machine, not stuck.
      testTimeout: 20_000,
      // Element Plus is run through Vite so its CommonJS dependencies (async-validator)
      // get the same interop as in the browser build; Node's loader breaks form validation.
      server: { deps: { inline: ['element-plus'] } },
    },
  }),
);
