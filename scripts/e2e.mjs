#!/usr/bin/env node
// Browser tests against the started system: build, start API + front ends on a throw-away
// embedded PostgreSQL with demo data, run the Playwright specs in e2e/, stop everything.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(
    `Chromium not found at ${chromium}: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

if (!process.argv.includes('--no-build')) {
  const b = spawnSync('pnpm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

const port = await freePort();
const dataDir = mkdtempSync(join(tmpdir(), 'baitong-e2e-'));
const server = spawn(process.execPath, ['apps/api/dist/main.js'], {
  cwd: root,
  env: {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
    // Every browser test signs in from 127.0.0.1 within a few minutes.
    LOGIN_PER_ADDRESS_PER_MINUTE: '600',
    DATABASE_URL: '',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
let serverExited = false;
server.on('exit', () => (serverExited = true));

async function stopServer() {
  if (!serverExited) {
    server.kill('SIGTERM');
    await new Promise((r) => {
      const timer = setTimeout(() => {
        server.kill('SIGKILL');
        r();
      }, 20_000);
      server.once('exit', () => {
        clearTimeout(timer);
        r();
      });
    });
  }
  rmSync(dataDir, { recursive: true, force: true });
}

const base = `http://127.0.0.1:${port}`;
// The demo seed writes some 600,000 residents: about a minute and a half on a 2-core machine.
const deadline = Date.now() + 300_000;
let ready = false;
while (!ready && Date.now() < deadline && !serverExited) {
  try {
    ready = (await fetch(`${base}/health/ready`)).ok;
  } catch {
    // not up yet
  }
  if (!ready) await new Promise((r) => setTimeout(r, 500));
}
if (!ready) {
  console.error('The system did not become ready in time.');
  await stopServer();
  process.exit(1);
}

mkdirSync(join(root, 'artifacts', 'e2e'), { recursive: true });
// Further arguments pick spec files, e.g. `pnpm test:e2e --no-build e2e/registration.e2e.ts`.
const picked = process.argv.slice(2).filter((a) => a !== '--no-build');
const vitestArgs = ['exec', 'vitest', 'run', '--config', 'e2e/vitest.config.mts', ...picked];
const tests = spawnSync('pnpm', vitestArgs, {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, E2E_BASE_URL: base, CHROMIUM_PATH: chromium },
});
await stopServer();
process.exit(tests.status ?? 1);
