// Generates a migration from the difference between the entities and a freshly migrated
// database, or with --check fails when there is one. Runs on the built code (pnpm build first).
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const { createDataSource } = require('../dist/database/data-source.js');
const { startEmbeddedPostgres } = require('../dist/database/embedded.js');

const check = process.argv.includes('--check');
const name = process.argv.find((a) => /^[A-Z][A-Za-z0-9]+$/.test(a)) ?? 'Schema';

const dir = mkdtempSync(join(tmpdir(), 'baitong-mig-'));
const db = await startEmbeddedPostgres({
  dataDir: dir,
  port: 54000 + Math.floor(Math.random() * 900),
  database: 'gen',
});
try {
  const ds = createDataSource(db.url);
  await ds.initialize();
  await ds.runMigrations();
  const sql = await ds.driver.createSchemaBuilder().log();
  await ds.destroy();
  if (sql.upQueries.length === 0) {
    console.log('Entities and migrations agree.');
  } else if (check) {
    console.error(
      'Entities and migrations disagree; run pnpm --filter @baitong/api migration:generate. Pending:',
    );
    for (const q of sql.upQueries) console.error(`  ${q.query}`);
    process.exitCode = 1;
  } else {
    const ts = Date.now();
    const cls = `${name}${ts}`;
    const esc = (s) => s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
    const lines = (qs) =>
      qs
        .map(
          (q) =>
            `    await q.query(\`${esc(q.query)}\`${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`,
        )
        .join('\n');
    const file = `${ts}-${name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}`;
    const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${cls} implements MigrationInterface {
  name = '${cls}';

  async up(q: QueryRunner): Promise<void> {
${lines(sql.upQueries)}
  }

  async down(q: QueryRunner): Promise<void> {
${lines(sql.downQueries.reverse())}
  }
}
`;
    const migDir = join(here, '../src/database/migrations');
    writeFileSync(join(migDir, `${file}.ts`), body);
    const index = join(migDir, 'index.ts');
    let src = readFileSync(index, 'utf8');
    // New import after the last one; the class at the end of the list. Prettier tidies the rest.
    const lastImport = src.lastIndexOf('\nimport ');
    const eol = src.indexOf('\n', lastImport + 1);
    src = `${src.slice(0, eol + 1)}import { ${cls} } from './${file}';\n${src.slice(eol + 1)}`;
    src = src.replace(
      /export const MIGRATIONS = \[([^\]]*)\];/s,
      (_m, list) => `export const MIGRATIONS = [${list.trim().replace(/,$/, '')}, ${cls}];`,
    );
    writeFileSync(index, src);
    console.log(`Wrote src/database/migrations/${file}.ts (${sql.upQueries.length} statements).`);
  }
} finally {
  await db.stop();
  rmSync(dir, { recursive: true, force: true });
}
