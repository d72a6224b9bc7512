import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineProject } from 'vitest/config';

export default defineProject({
  // `source` makes @baitong/contracts resolve to its TypeScript, as in the apps.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions] } },
  test: {
    name: 'web-client',
    // The browser APIs the client relies on (fetch, FormData, navigator, crypto), as in the apps.
    environment: 'happy-dom',
    include: ['test/**/*.spec.ts'],
  },
});
