#!/usr/bin/env node
// The two README commands start here, on a machine that may have only Node.js and npm:
//   npm start  → install, build, start API + console + resident app on embedded PostgreSQL with demo data
//   npm test   → install, then format check → lint → typecheck → every unit and API test
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '12.4.2';
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Baitong needs Node.js 20.19 or newer (this is ${process.versions.node}).`);
  process.exit(1);
}

function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: false, ...opts });
  if (res.error) throw res.error;
  return res.status ?? 1;
}

function has(cmd, args) {
  const res = spawnSync(cmd, args, { cwd: root, encoding: 'utf8' });
  return res.status === 0 ? res.stdout.trim() : null;
}

/** pnpm itself: the one on PATH if it is 12.x, else installed with npm, else through npx. */
function pnpm() {
  const v = has('pnpm', ['--version']);
  if (v && v.startsWith('12.')) return ['pnpm'];
  console.log(`Installing pnpm ${PNPM_VERSION} with npm…`);
  if (
    run('npm', ['install', '--global', `pnpm@${PNPM_VERSION}`]) === 0 &&
    has('pnpm', ['--version'])
  )
    return ['pnpm'];
  console.log('A global install was not possible; using npx instead.');
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
}

function step(p, args, what) {
  console.log(`\n▶ ${what}`);
  const code = run(p[0], [...p.slice(1), ...args]);
  if (code !== 0) {
    console.error(`✖ ${what} failed (exit ${code}).`);
    process.exit(code);
  }
}

const command = process.argv[2];
const p = pnpm();
step(p, ['install', '--frozen-lockfile'], 'Installing dependencies');

if (command === 'start') {
  step(p, ['run', 'build'], 'Building packages, API, console and resident app');
  console.log('\n▶ Starting Baitong (Ctrl+C stops it and its embedded PostgreSQL)');
  const child = spawnSync(process.execPath, ['apps/api/dist/main.js'], {
    cwd: root,
    stdio: 'inherit',
  });
  process.exit(child.status ?? 0);
} else if (command === 'test') {
  step(p, ['run', 'check'], 'Format check, lint, typecheck and tests');
} else {
  console.error('usage: node scripts/bootstrap.mjs start|test');
  process.exit(2);
}
