import type { Logger } from 'pino';
import { createDataSource } from './data-source';

/** Any number of API processes may start together: an advisory lock lets one migrate at a time. */
export async function runMigrations(url: string, log?: Logger): Promise<number> {
  const ds = createDataSource(url, { extra: { max: 1 } });
  await ds.initialize();
  try {
    await ds.query('SELECT pg_advisory_lock(724201)');
    const done = await ds.runMigrations({ transaction: 'each' });
    if (done.length)
      log?.info({ migrations: done.map((m) => m.name) }, `applied ${done.length} migration(s)`);
    return done.length;
  } finally {
    await ds.query('SELECT pg_advisory_unlock(724201)').catch(() => undefined);
    await ds.destroy();
  }
}
