#!/usr/bin/env node
// Runs the built CLI (dist/cli.js); when the package has not been built, runs the TypeScript
// source through tsx instead, so the command works straight after a checkout.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist/cli.js', import.meta.url);
let cli;
if (existsSync(fileURLToPath(built))) {
  cli = await import(built.href);
} else {
  let tsImport;
  try {
    ({ tsImport } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write(
      'rating-engine: dist/ is missing and tsx is not installed; run `pnpm build`\n',
    );
    process.exit(1);
  }
  cli = await tsImport('../src/cli.ts', import.meta.url);
}
process.exitCode = await cli.main(process.argv.slice(2));
