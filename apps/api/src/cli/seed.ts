import 'reflect-metadata';
import { createLogger } from '../common/logger';
import { loadConfig } from '../config/config';
import { startEmbeddedPostgres } from '../database/embedded';
import { runMigrations } from '../database/migrate';
import { seedDemoIfEmpty } from '../demo/seed';

/** `pnpm seed`: migrate, then load demo data if the database is empty. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel === 'silent' ? 'info' : config.logLevel);
  const embedded = config.databaseUrl
    ? null
    : await startEmbeddedPostgres({
        dataDir: config.dataDir,
        port: config.embeddedPgPort,
        database: 'baitong',
      });
  const url = config.databaseUrl ?? embedded!.url;
  try {
    await runMigrations(url, log);
    const loaded = await seedDemoIfEmpty(url, config, log);
    console.log(loaded ? 'Demo data loaded.' : 'The database already has data: nothing loaded.');
  } finally {
    await embedded?.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
