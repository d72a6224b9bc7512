import type { AuditEntry, CaseDetail, Page } from '@baitong/contracts';
import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommunityEntity } from '../../src/org/org.entities';
import type { ResidentEntity, StaffAccountEntity } from '../../src/people/people.entities';
import { maskName } from '../../src/people/mask-name';
import { type TestContext, createTestApp } from '../utils/app';

/**
 * The audit log as a ledger: rows name their target in words, filter by date, person, action
 * and target within the reader's scope, and export to xlsx with the same filters and scope.
 */
let t: TestContext;
let own: CommunityEntity;
let sibling: CommunityEntity;
let resident: ResidentEntity;
let desk: StaffAccountEntity;
let filed: CaseDetail;
const auth = {} as Record<'admin' | 'siblingAdmin' | 'street' | 'bureau' | 'desk', string>;

/** A row written straight into the log, at a chosen instant. */
async function row(p: {
  at: string;
  action: string;
  community: CommunityEntity;
  actorName?: string;
  entity?: string;
  entityId?: string;
  detail?: object;
}) {
  await t.ds.query(
    `INSERT INTO audit_log (at, actor_kind, actor_name, action, entity, entity_id, community_id, detail)
     VALUES ($1, 'staff', $2, $3, $4, $5, $6, $7)`,
    [
      p.at,
      p.actorName ?? null,
      p.action,
      p.entity ?? null,
      p.entityId ?? null,
      p.community.id,
      JSON.stringify(p.detail ?? {}),
    ],
  );
}

const list = async (who: string, query: Record<string, string | number>) => {
  const res = await t.http.get('/api/audit').set('Authorization', who).query(query);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Page<AuditEntry>;
};

/** Buffers the binary answer, so the test reads the file as a spreadsheet program would. */
const download = (who: string, query: Record<string, string>) =>
  t.http
    .get('/api/audit/export')
    .set('Authorization', who)
    .query(query)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });

async function sheetRows(res: Response): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.body as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((r) => {
    rows.push((r.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v))));
  });
  return rows;
}

beforeAll(async () => {
  t = await createTestApp();
  const street = await t.given.street();
  own = await t.given.community({ street, name: '星光社区', nameEn: 'Xingguang Community' });
  sibling = await t.given.community({ street, name: '翠渝路社区' });
  const compound = await t.given.compound({ community: own });
  const deskRow = await t.given.desk({ community: own, compoundId: compound.id });
  resident = await t.given.resident({ community: own, compound, phone: '13912345678' });
  const admin = await t.given.staff('community_admin', { community: own });
  desk = await t.given.staff('desk_staff', { community: own });
  auth.admin = `Bearer ${await t.given.token(admin)}`;
  auth.desk = `Bearer ${await t.given.token(desk)}`;
  auth.siblingAdmin = `Bearer ${await t.given.token(await t.given.staff('community_admin', { community: sibling }))}`;
  auth.street = `Bearer ${await t.given.token(await t.given.staff('street_admin', { street }))}`;
  auth.bureau = `Bearer ${await t.given.token(await t.given.staff('bureau_admin'))}`;

  // Real rows: a case filed and accepted at the desk, and the admin's read of a contact.
  const category = await t.given.category();
  const res = await t.http.post('/api/cases').set('Authorization', auth.desk).send({
    categoryId: category.id,
    description: '楼道灯坏了，请派人维修',
    residentId: resident.id,
    compoundId: compound.id,
    deskId: deskRow.id,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  filed = res.body as CaseDetail;
  const accepted = await t.http
    .post(`/api/cases/${filed.id}/transitions`)
    .set('Authorization', auth.desk)
    .send({ action: 'accept', version: filed.version });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  const read = await t.http
    .get(`/api/residents/${resident.id}/contact`)
    .set('Authorization', auth.admin);
  expect(read.status).toBe(200);

  // Rows on chosen days (Shanghai): 1 and 2 Nov in the own community, 2 Nov in the sibling.
  await row({
    at: '2026-10-31T16:30:00Z', // 1 Nov 00:30 in Shanghai
    action: 'auth.login_failed',
    community: own,
    actorName: '王建国',
    detail: { username: 'wang', phone: '13800001111', note: 'called from 13700002222' },
  });
  await row({
    at: '2026-11-02T09:00:00Z',
    action: 'auth.login',
    community: own,
    actorName: '周洋',
  });
  await row({
    at: '2026-11-02T09:00:00Z',
    action: 'auth.login',
    community: sibling,
    actorName: '周洋',
  });
});
afterAll(() => t.close());

describe('the audit ledger', () => {
  it('names targets in words: case number, masked resident name, community', async () => {
    const page = await list(auth.admin, { pageSize: 200 });
    const write = page.items.find((e) => e.action === 'staff.write' && e.entityId === filed.id);
    expect(write).toMatchObject({
      entity: 'case',
      targetLabel: filed.number,
      communityName: '星光社区',
      communityNameEn: 'Xingguang Community',
      actorKind: 'staff',
      actorName: desk.displayName,
    });
    const readRow = page.items.find((e) => e.action === 'personal_data.read');
    expect(readRow).toMatchObject({ entity: 'resident', targetLabel: maskName(resident.name) });
    expect(JSON.stringify(page)).not.toContain(resident.name);
  });

  it('masks phone numbers in the detail', async () => {
    const page = await list(auth.admin, { action: 'auth.login_failed' });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]!.detail).toEqual({
      username: 'wang',
      phone: '138****1111',
      note: 'called from 137****2222',
    });
  });

  it('filters by local dates, inclusive, in the district’s zone', async () => {
    const first = await list(auth.admin, { from: '2026-11-01', to: '2026-11-01' });
    expect(first.items.map((e) => e.action)).toEqual(['auth.login_failed']);
    const both = await list(auth.admin, { from: '2026-11-01', to: '2026-11-02' });
    expect(both.total).toBe(2);
    const before = await list(auth.admin, { to: '2026-10-31' });
    expect(before.total).toBe(0);
  });

  it('filters by the person who acted, by name or id', async () => {
    const byName = await list(auth.admin, { actor: '建国' });
    expect(byName.items.map((e) => e.actorName)).toEqual(['王建国']);
    const byId = await list(auth.admin, { actorId: desk.id });
    expect(byId.total).toBeGreaterThanOrEqual(2);
    expect(byId.items.every((e) => e.actorId === desk.id)).toBe(true);
  });

  it('filters by action and by target: kind, id or case number', async () => {
    const reads = await list(auth.admin, { action: 'personal_data.read' });
    expect(reads.items.every((e) => e.action === 'personal_data.read')).toBe(true);
    expect(reads.total).toBe(1);
    const cases = await list(auth.admin, { entity: 'case' });
    expect(cases.total).toBeGreaterThanOrEqual(2);
    expect(cases.items.every((e) => e.entity === 'case')).toBe(true);
    const byNumber = await list(auth.admin, { target: filed.number });
    expect(byNumber.items.length).toBeGreaterThanOrEqual(1);
    expect(byNumber.items.every((e) => e.entityId === filed.id)).toBe(true);
    const byResident = await list(auth.admin, { target: resident.id });
    expect(byResident.items.map((e) => e.action)).toEqual(['personal_data.read']);
  });

  it('shows a community admin only their community’s rows; the street sees both', async () => {
    const mine = await list(auth.siblingAdmin, { pageSize: 200 });
    expect(mine.total).toBeGreaterThanOrEqual(2);
    expect(mine.items.every((e) => e.communityId === sibling.id)).toBe(true);
    const street = await list(auth.street, { action: 'auth.login', from: '2026-11-02' });
    expect(new Set(street.items.map((e) => e.communityId))).toEqual(new Set([own.id, sibling.id]));
  });

  it('refuses bad filters with the field named, and readers without the right', async () => {
    for (const [query, field] of [
      [{ from: '2026-13-01' }, 'from'],
      [{ from: '01/11/2026' }, 'from'],
      [{ from: '2026-11-05', to: '2026-11-01' }, 'to'],
      [{ entity: 'planet' }, 'entity'],
      [{ actorId: 'nobody' }, 'actorId'],
    ] as const) {
      const res = await t.http.get('/api/audit').set('Authorization', auth.admin).query(query);
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect((res.body as { fields: { field: string }[] }).fields[0]!.field).toBe(field);
    }
    expect((await t.http.get('/api/audit').set('Authorization', auth.desk)).status).toBe(403);
    expect((await download(auth.desk, {})).status).toBe(403);
  });
});

describe('the xlsx export', () => {
  it('holds the filtered rows in words, phones masked, and is itself audited', async () => {
    const res = await download(auth.admin, { from: '2026-11-01', to: '2026-11-02', lang: 'en' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="audit-.*\.xlsx"$/);
    const rows = await sheetRows(res);
    expect(rows[0]).toEqual([
      'Time',
      'By',
      'Action',
      'Record type',
      'Record',
      'Community',
      'IP address',
      'Detail',
    ]);
    expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['2026-11-02 17:00:00', '周洋', 'Signed in'],
      ['2026-11-01 00:30:00', '王建国', 'Sign-in failed'],
    ]);
    expect(rows[1]![5]).toBe('Xingguang Community');
    expect(rows[2]![7]).toContain('138****1111');
    expect(rows.flat().join(' ')).not.toContain('13800001111');

    const exported = await list(auth.admin, { action: 'audit.exported' });
    expect(exported.items[0]).toMatchObject({
      actorKind: 'staff',
      communityId: own.id,
      detail: { filter: { from: '2026-11-01', to: '2026-11-02' }, rows: 2 },
    });
  });

  it('names targets in words in Chinese by default, within the reader’s scope only', async () => {
    const res = await download(auth.admin, { target: filed.number });
    expect(res.status).toBe(200);
    const rows = await sheetRows(res);
    expect(rows[0]![0]).toBe('时间');
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows.slice(1)) {
      expect(r[3]).toBe('案件');
      expect(r[4]).toBe(filed.number);
      expect(r[5]).toBe('星光社区');
    }
    const other = await sheetRows(await download(auth.siblingAdmin, { target: filed.number }));
    expect(other).toHaveLength(1);
    const siblingRows = await sheetRows(await download(auth.siblingAdmin, {}));
    expect(siblingRows.slice(1).every((r) => r[5] === '翠渝路社区' || r[5] === '')).toBe(true);
  });

  it('refuses a bad filter the same way as the list', async () => {
    const res = await download(auth.admin, { from: '2026-11-05', to: '2026-11-01' });
    expect(res.status).toBe(400);
    expect(JSON.parse((res.body as Buffer).toString()).fields[0].field).toBe('to');
  });
});
