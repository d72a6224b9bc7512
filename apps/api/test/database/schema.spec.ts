import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/database/migrations';
import { type TestContext, createTestApp } from '../utils/app';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('schema', () => {
  it('matches the entities exactly: no change is waiting for a migration', async () => {
    const sql = await t.ds.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('names tables and columns in snake_case', async () => {
    const cols: { column_name: string }[] = await t.ds.query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    expect(cols.length).toBeGreaterThan(50);
    for (const c of cols) expect(c.column_name).toMatch(/^[a-z0-9_]+$/);
  });

  it('refuses to change or delete audit rows', async () => {
    await t.ds.query(`INSERT INTO audit_log (actor_kind, action) VALUES ('system', 'test.append')`);
    await expect(t.ds.query(`UPDATE audit_log SET action = 'tampered'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(t.ds.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(t.ds.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    const rows: { action: string }[] = await t.ds.query(
      `SELECT action FROM audit_log WHERE action = 'test.append'`,
    );
    expect(rows).toHaveLength(1);
  });

  it('holds the scope rule for staff accounts in the database itself', async () => {
    await expect(
      t.ds.query(
        `INSERT INTO staff_account (username, password_hash, display_name, role, scope_level) VALUES ('x', 'h', 'x', 'desk_staff', 'community')`,
      ),
    ).rejects.toThrow(/check constraint/);
    await expect(
      t.ds.query(
        `INSERT INTO staff_account (username, password_hash, display_name, role, scope_level) VALUES ('y', 'h', 'y', 'janitor', 'district')`,
      ),
    ).rejects.toThrow(/check constraint/);
  });

  it('answers readiness with the database and the applied migrations', async () => {
    const res = await t.http.get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up', migrations: MIGRATIONS.length });
    expect((await t.http.get('/health/live')).body).toEqual({ status: 'ok' });
  });

  it('publishes the OpenAPI document generated from the code', async () => {
    const res = await t.http.get('/api/docs-json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/staff/login',
        '/api/communities/{id}',
        '/api/public/desks',
        '/api/desks/{id}/hours',
      ]),
    );
    expect(res.body.components.schemas.StaffLoginDto.properties).toHaveProperty('username');
    expect((await t.http.get('/api/docs')).text).toContain('swagger');
  });
});
