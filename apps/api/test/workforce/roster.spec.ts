import type {
  ApiError,
  WorkforceEntryDetail,
  WorkforceImportRejection,
  WorkforcePage,
} from '@baitong/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';
import { HEADER, type RosterWorld, hire, rosterWorld, workbook, worker } from './world';

let t: TestContext;
let w: RosterWorld;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-12-05T10:00:00+08:00');
  w = await rosterWorld(t);
});
afterAll(() => t.close());

const list = (who: string, communityId = w.community.id, q = '') =>
  t.http.get(`/api/communities/${communityId}/workforce${q}`).set('Authorization', who);
const personalReads = async (communityId: string) =>
  (
    (await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_log
        WHERE action = 'personal_data.read' AND entity = 'workforce_entry' AND community_id = $1`,
      [communityId],
    )) as { n: number }[]
  )[0]!.n;
const entries = async (communityId: string) =>
  (
    (await t.ds.query(`SELECT count(*)::int AS n FROM workforce_entry WHERE community_id = $1`, [
      communityId,
    ])) as { n: number }[]
  )[0]!.n;
const upload = (who: string, file: Buffer, name = 'roster.xlsx', communityId = w.community.id) =>
  t.http
    .post(`/api/communities/${communityId}/workforce/import`)
    .set('Authorization', who)
    .attach('file', file, { filename: name });

describe('the roster', () => {
  it('shows pay and birth dates to the community admin and the bureau, audited, and to nobody else', async () => {
    await hire(t, w.auth.admin, w.community, { name: '陈立', monthlyPayYuan: 4321.5 });
    const before = await personalReads(w.community.id);
    for (const who of [w.auth.admin, w.auth.bureau]) {
      const res = await list(who);
      expect(res.status).toBe(200);
      const page = res.body as WorkforcePage;
      const e = page.items.find((i) => i.name === '陈立')!;
      expect(e).toMatchObject({ monthlyPayYuan: 4321.5, birthDate: '1990-01-01' });
    }
    expect(await personalReads(w.community.id)).toBe(before + 2);
    for (const who of [w.auth.worker, w.auth.streetAdmin, w.auth.monitor]) {
      const res = await list(who);
      expect(res.status).toBe(200);
      const e = (res.body as WorkforcePage).items.find((i) => i.name === '陈立')!;
      expect(e).toBeDefined();
      expect('monthlyPayYuan' in e || 'birthDate' in e).toBe(false);
    }
    expect(await personalReads(w.community.id)).toBe(before + 2);
  });

  it('is 404 outside the scope, and written only by the community admin and the bureau', async () => {
    const e = await hire(t, w.auth.admin, w.community);
    expect((await list(w.auth.siblingAdmin)).status).toBe(404);
    expect((await list(w.auth.otherStreetAdmin)).status).toBe(404);
    expect(
      (await t.http.get(`/api/workforce/${e.id}`).set('Authorization', w.auth.siblingAdmin)).status,
    ).toBe(404);
    for (const who of [w.auth.worker, w.auth.streetAdmin]) {
      const res = await t.http
        .post(`/api/communities/${w.community.id}/workforce`)
        .set('Authorization', who)
        .send(worker());
      expect(res.status).toBe(403);
    }
    const res = await t.http
      .patch(`/api/workforce/${e.id}`)
      .set('Authorization', w.auth.siblingAdmin)
      .send({ version: e.version, name: '改名' });
    expect(res.status).toBe(404);
    await hire(t, w.auth.bureau, w.community);
  });

  it('refuses a worker number the community already has (409), not another community’s', async () => {
    await hire(t, w.auth.admin, w.community, { workerNumber: 'DUP-1' });
    const again = await t.http
      .post(`/api/communities/${w.community.id}/workforce`)
      .set('Authorization', w.auth.admin)
      .send(worker({ workerNumber: 'DUP-1' }));
    expect(again.status).toBe(409);
    expect((again.body as ApiError).fields?.[0]).toMatchObject({
      field: 'workerNumber',
      code: 'duplicate',
    });
    await hire(t, w.auth.siblingAdmin, w.sibling, { workerNumber: 'DUP-1' });
  });

  it('names the field of bad input', async () => {
    const cases: [object, string, string][] = [
      [{ monthlyPayYuan: -1 }, 'monthlyPayYuan', 'too_small'],
      [{ hiredOn: '2027-01-01' }, 'hiredOn', 'in_future'],
      [{ hiredOn: '2026-02-30' }, 'hiredOn', 'invalid_date'],
      [{ education: 'phd' }, 'education', 'not_one_of'],
      [{ workerNumber: '工号 1' }, 'workerNumber', 'invalid_code'],
      [{ birthDate: '2015-01-01' }, 'birthDate', 'invalid'],
    ];
    for (const [patch, field, code] of cases) {
      const res = await t.http
        .post(`/api/communities/${w.community.id}/workforce`)
        .set('Authorization', w.auth.admin)
        .send(worker(patch));
      expect(res.status, JSON.stringify(patch)).toBe(400);
      expect((res.body as ApiError).fields?.[0], JSON.stringify(patch)).toMatchObject({
        field,
        code,
      });
    }
  });

  it('keeps dated revisions and answers 409 to a stale version', async () => {
    const e = await hire(t, w.auth.admin, w.community, {
      hiredOn: '2021-04-01',
      monthlyPayYuan: 3000,
    });
    expect(e.revisions).toMatchObject([{ effectiveOn: '2021-04-01', monthlyPayYuan: 3000 }]);
    const raise = await t.http
      .patch(`/api/workforce/${e.id}`)
      .set('Authorization', w.auth.admin)
      .send({
        version: e.version,
        monthlyPayYuan: 3500,
        certified: true,
        effectiveOn: '2024-01-01',
      });
    expect(raise.status).toBe(200);
    const after = raise.body as WorkforceEntryDetail;
    expect(after).toMatchObject({
      version: e.version + 1,
      monthlyPayYuan: 3500,
      certified: true,
      factsEffectiveOn: '2024-01-01',
    });
    // A back-dated correction between the two lasts until the later revision.
    const between = await t.http
      .patch(`/api/workforce/${e.id}`)
      .set('Authorization', w.auth.admin)
      .send({ version: after.version, position: '网格员', effectiveOn: '2022-06-01' });
    expect(between.status).toBe(200);
    const now = between.body as WorkforceEntryDetail;
    expect(now.revisions.map((r) => [r.effectiveOn, r.position, r.monthlyPayYuan])).toEqual([
      ['2021-04-01', '综合岗', 3000],
      ['2022-06-01', '网格员', 3000],
      ['2024-01-01', '综合岗', 3500],
    ]);
    expect(now.position).toBe('综合岗');
    const stale = await t.http
      .patch(`/api/workforce/${e.id}`)
      .set('Authorization', w.auth.admin)
      .send({ version: e.version, name: '晚到的修改' });
    expect(stale.status).toBe(409);
    expect((stale.body as ApiError).code).toBe('STALE_VERSION');
    const noDay = await t.http
      .patch(`/api/workforce/${e.id}`)
      .set('Authorization', w.auth.admin)
      .send({ version: now.version, monthlyPayYuan: 4000 });
    expect(noDay.status).toBe(400);
    expect((noDay.body as ApiError).fields?.[0]).toMatchObject({ field: 'effectiveOn' });
    // The history is append-only in the database itself.
    await expect(
      t.ds.query(`UPDATE workforce_revision SET monthly_pay_yuan = 1 WHERE entry_id = $1`, [e.id]),
    ).rejects.toThrow();
    await expect(
      t.ds.query(`DELETE FROM workforce_revision WHERE entry_id = $1`, [e.id]),
    ).rejects.toThrow();
    const detail = await t.http.get(`/api/workforce/${e.id}`).set('Authorization', w.auth.worker);
    expect(detail.status).toBe(200);
    expect((detail.body as WorkforceEntryDetail).revisions).toHaveLength(3);
    expect(
      (detail.body as WorkforceEntryDetail).revisions.every((r) => r.monthlyPayYuan === undefined),
    ).toBe(true);
  });

  it('records a leave once, and lists it under left', async () => {
    const e = await hire(t, w.auth.admin, w.community, { name: '离职者' });
    const leave = (leftOn: string) =>
      t.http
        .post(`/api/workforce/${e.id}/leave`)
        .set('Authorization', w.auth.admin)
        .send({ leftOn, reason: '家庭原因' });
    expect((await leave('2019-12-31')).status).toBe(400);
    expect((await leave('2026-11-30')).body).toMatchObject({
      leftOn: '2026-11-30',
      leaveReason: '家庭原因',
    });
    expect((await leave('2026-12-01')).status).toBe(409);
    const left = (await list(w.auth.worker, w.community.id, '?status=left')).body as WorkforcePage;
    expect(left.items.map((i) => i.id)).toContain(e.id);
    const active = (await list(w.auth.worker)).body as WorkforcePage;
    expect(active.items.map((i) => i.id)).not.toContain(e.id);
  });
});

describe('import and export', () => {
  it('round-trips: the exported file imports as unchanged, and the export is audited', async () => {
    const before = await personalReads(w.community.id);
    const res = await t.http
      .get(`/api/communities/${w.community.id}/workforce/export.xlsx`)
      .set('Authorization', w.auth.admin)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(await personalReads(w.community.id)).toBe(before + 1);
    const n = await entries(w.community.id);
    const imported = await upload(w.auth.admin, res.body as Buffer);
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body).toEqual({ created: 0, updated: 0, unchanged: n });
    // The worker may not export pay.
    expect(
      (
        await t.http
          .get(`/api/communities/${w.community.id}/workforce/export.xlsx`)
          .set('Authorization', w.auth.worker)
      ).status,
    ).toBe(403);
  });

  it('creates and updates by worker number, a change of pay as a revision', async () => {
    await hire(t, w.auth.bureau, w.empty, { workerNumber: 'E-1', monthlyPayYuan: 3000 });
    const file = await workbook(HEADER, [
      [
        'E-1',
        '张晓燕',
        '女',
        '1990-01-01',
        '2020-01-01',
        '',
        '',
        '综合岗',
        '否',
        '本科',
        3300,
        '2026-10-01',
      ],
      [
        'E-2',
        '刘强',
        '男',
        new Date(Date.UTC(1988, 4, 6)),
        '2023/7/1',
        '',
        '',
        '网格员',
        '是',
        '硕士及以上',
        '4,200',
        '',
      ],
    ]);
    const res = await upload(w.auth.bureau, file, 'roster.xlsx', w.empty.id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ created: 1, updated: 1, unchanged: 0 });
    const page = (await list(w.auth.bureau, w.empty.id)).body as WorkforcePage;
    expect(
      page.items.map((i) => [
        i.workerNumber,
        i.monthlyPayYuan,
        i.birthDate,
        i.hiredOn,
        i.education,
      ]),
    ).toEqual([
      ['E-1', 3300, '1990-01-01', '2020-01-01', 'bachelor'],
      ['E-2', 4200, '1988-05-06', '2023-07-01', 'master_or_above'],
    ]);
    const one = page.items[0]!;
    const detail = (
      await t.http.get(`/api/workforce/${one.id}`).set('Authorization', w.auth.bureau)
    ).body as WorkforceEntryDetail;
    expect(detail.revisions.map((r) => [r.effectiveOn, r.monthlyPayYuan])).toEqual([
      ['2020-01-01', 3000],
      ['2026-10-01', 3300],
    ]);
  });

  it('refuses the whole file for one bad cell, naming its row and column', async () => {
    const n = await entries(w.community.id);
    const file = await workbook(HEADER, [
      ['N-1', '好人', '女', '1990-01-01', '2020-01-01', '', '', '综合岗', '否', '本科', 3000, ''],
      ['N-2', '坏人', '女', '1990-01-01', '2020-01-01', '', '', '综合岗', '否', '本科', '三千', ''],
      ['N-1', '重复', '女', '1990-01-01', '2030-01-01', '', '', '综合岗', '也许', '博士', -5, ''],
    ]);
    const res = await upload(w.auth.admin, file);
    expect(res.status).toBe(422);
    expect((res.body as ApiError).code).toBe('IMPORT_REJECTED');
    const errors = ((res.body as ApiError).details as unknown as WorkforceImportRejection).errors;
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, '月薪（元）', 'not_a_number'],
      [4, '工号', 'duplicate'],
      [4, '社工证', 'not_a_boolean'],
      [4, '学历', 'not_one_of'],
      [4, '入职日期', 'in_future'],
      [4, '月薪（元）', 'too_small'],
    ]);
    expect(await entries(w.community.id)).toBe(n);
  });

  it('names a missing column in the header row', async () => {
    const res = await upload(
      w.auth.admin,
      await workbook(
        HEADER.filter((h) => h !== '学历'),
        [['X-1']],
      ),
    );
    expect(res.status).toBe(422);
    const errors = ((res.body as ApiError).details as unknown as WorkforceImportRejection).errors;
    expect(errors).toEqual([expect.objectContaining({ row: 1, column: '学历', code: 'required' })]);
  });

  it('answers 413 to a file over 5 MB and 415 naming file to one that is no spreadsheet', async () => {
    const big = await upload(w.auth.admin, Buffer.alloc(6 * 1024 * 1024, 1));
    expect(big.status).toBe(413);
    expect((big.body as ApiError).fields?.[0]).toMatchObject({
      field: 'file',
      code: 'file_too_large',
    });
    const text = await upload(w.auth.admin, Buffer.from('工号,姓名\nA1,张三\n'), 'roster.csv');
    expect(text.status).toBe(415);
    expect((text.body as ApiError).fields?.[0]).toMatchObject({
      field: 'file',
      code: 'not_a_spreadsheet',
    });
    // A zip that is no workbook.
    const book = new ExcelJS.Workbook();
    const zip = Buffer.from(await book.xlsx.writeBuffer()).subarray(0, 200);
    const broken = await upload(w.auth.admin, zip);
    expect(broken.status).toBe(415);
    const none = await t.http
      .post(`/api/communities/${w.community.id}/workforce/import`)
      .set('Authorization', w.auth.admin);
    expect(none.status).toBe(400);
    expect((none.body as ApiError).fields?.[0]).toMatchObject({ field: 'file' });
  });

  it('lets no one else import', async () => {
    const file = await workbook(HEADER, []);
    expect((await upload(w.auth.worker, file)).status).toBe(403);
    expect((await upload(w.auth.siblingAdmin, file)).status).toBe(404);
  });
});

describe('the certificate level', () => {
  const LEVEL_HEADER = [...HEADER.slice(0, 9), '证书等级', ...HEADER.slice(9)];
  const row = (number: string, certified: string, level: string) => [
    number,
    '王芳',
    '女',
    '1990-01-01',
    '2020-01-01',
    '',
    '',
    '综合岗',
    certified,
    level,
    '本科',
    4000,
    '',
  ];
  const download = async (communityId: string, lang = 'zh-CN') => {
    const res = await t.http
      .get(`/api/communities/${communityId}/workforce/export.xlsx?lang=${lang}`)
      .set('Authorization', w.auth.bureau)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    return res.body as Buffer;
  };
  const rejection = (res: { body: unknown }) =>
    ((res.body as ApiError).details as unknown as WorkforceImportRejection).errors.map((e) => [
      e.row,
      e.column,
      e.code,
    ]);

  it('is recorded on create, and refused without the certificate (400 naming certificateLevel)', async () => {
    const e = await hire(t, w.auth.admin, w.community, {
      certified: true,
      certificateLevel: 'intermediate',
    });
    expect(e).toMatchObject({ certified: true, certificateLevel: 'intermediate' });
    expect(e.revisions).toMatchObject([{ certified: true, certificateLevel: 'intermediate' }]);
    const plain = await hire(t, w.auth.admin, w.community, { certified: true });
    expect(plain.certificateLevel).toBeNull();
    for (const [body, code] of [
      [{ certified: false, certificateLevel: 'assistant' }, 'paired'],
      [{ certified: true, certificateLevel: 'master' as never }, undefined],
    ] as const) {
      const res = await t.http
        .post(`/api/communities/${w.community.id}/workforce`)
        .set('Authorization', w.auth.admin)
        .send(worker(body));
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((res.body as ApiError).fields?.[0]).toMatchObject({
        field: 'certificateLevel',
        ...(code ? { code } : {}),
      });
    }
    const n = (
      (await t.ds.query(
        `SELECT count(*)::int AS n FROM workforce_entry WHERE certificate_level IS NOT NULL AND NOT certified`,
      )) as { n: number }[]
    )[0]!.n;
    expect(n).toBe(0);
    // The database refuses it too, whoever writes.
    await expect(
      t.ds.query(`UPDATE workforce_entry SET certified = false WHERE id = $1`, [e.id]),
    ).rejects.toThrow();
  });

  it('changes as a dated revision, the history showing each level; losing the certificate clears it', async () => {
    const e = await hire(t, w.auth.admin, w.community, {
      hiredOn: '2019-03-01',
      certified: true,
      certificateLevel: 'assistant',
    });
    const patch = (body: object) =>
      t.http.patch(`/api/workforce/${e.id}`).set('Authorization', w.auth.admin).send(body);
    const up = await patch({
      version: e.version,
      certificateLevel: 'intermediate',
      effectiveOn: '2023-07-01',
    });
    expect(up.status, JSON.stringify(up.body)).toBe(200);
    const after = up.body as WorkforceEntryDetail;
    expect(after).toMatchObject({
      certificateLevel: 'intermediate',
      factsEffectiveOn: '2023-07-01',
    });
    expect(after.revisions.map((r) => [r.effectiveOn, r.certified, r.certificateLevel])).toEqual([
      ['2019-03-01', true, 'assistant'],
      ['2023-07-01', true, 'intermediate'],
    ]);
    // The same level again is no change: no revision.
    const same = await patch({
      version: after.version,
      certificateLevel: 'intermediate',
      effectiveOn: '2024-01-01',
    });
    expect((same.body as WorkforceEntryDetail).revisions).toHaveLength(2);
    const detail = (await t.http.get(`/api/workforce/${e.id}`).set('Authorization', w.auth.worker))
      .body as WorkforceEntryDetail;
    expect(detail.revisions.map((r) => r.certificateLevel)).toEqual(['assistant', 'intermediate']);
    const lost = await patch({
      version: (same.body as WorkforceEntryDetail).version,
      certified: false,
      effectiveOn: '2026-01-01',
    });
    expect(lost.status, JSON.stringify(lost.body)).toBe(200);
    expect(lost.body).toMatchObject({ certified: false, certificateLevel: null });
    // null on PATCH is allowed: the level is no longer recorded.
    const back = await patch({
      version: (lost.body as WorkforceEntryDetail).version,
      certified: true,
      certificateLevel: 'senior',
      effectiveOn: '2026-06-01',
    });
    expect(back.body).toMatchObject({ certificateLevel: 'senior' });
    const cleared = await patch({
      version: (back.body as WorkforceEntryDetail).version,
      certificateLevel: null,
      effectiveOn: '2026-07-01',
    });
    expect(cleared.status, JSON.stringify(cleared.body)).toBe(200);
    expect(cleared.body).toMatchObject({ certified: true, certificateLevel: null });
  });

  it('is refused when back-dated to a day the certificate was not held', async () => {
    const e = await hire(t, w.auth.admin, w.community, { hiredOn: '2020-01-01', certified: false });
    const got = await t.http
      .patch(`/api/workforce/${e.id}`)
      .set('Authorization', w.auth.admin)
      .send({ version: e.version, certified: true, effectiveOn: '2024-01-01' });
    expect(got.status).toBe(200);
    const v = (got.body as WorkforceEntryDetail).version;
    const early = await t.http
      .patch(`/api/workforce/${e.id}`)
      .set('Authorization', w.auth.admin)
      .send({ version: v, certificateLevel: 'assistant', effectiveOn: '2022-01-01' });
    expect(early.status).toBe(400);
    expect((early.body as ApiError).fields?.[0]).toMatchObject({
      field: 'certificateLevel',
      code: 'paired',
    });
    // From the day it was held it is right, though the record today is what it is.
    const ok = await t.http
      .patch(`/api/workforce/${e.id}`)
      .set('Authorization', w.auth.admin)
      .send({ version: v, certificateLevel: 'assistant', effectiveOn: '2024-01-01' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ certificateLevel: 'assistant' });
  });

  it('round-trips through the export in both languages, unchanged, and survives a file without the column', async () => {
    const c = w.sibling;
    await hire(t, w.auth.siblingAdmin, c, { certified: true, certificateLevel: 'assistant' });
    await hire(t, w.auth.siblingAdmin, c, { certified: true, certificateLevel: 'senior' });
    await hire(t, w.auth.siblingAdmin, c, { certified: true });
    await hire(t, w.auth.siblingAdmin, c, { certified: false });
    const levels = async () =>
      ((await list(w.auth.bureau, c.id, '?status=all')).body as WorkforcePage).items.map((i) => [
        i.workerNumber,
        i.certificateLevel,
      ]);
    const before = await levels();
    expect(before.filter(([, l]) => l !== null)).toHaveLength(2);
    const n = await entries(c.id);
    for (const lang of ['zh-CN', 'en']) {
      const file = await download(c.id, lang);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file as unknown as ArrayBuffer);
      const header = (book.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
      expect(header).toContain(lang === 'en' ? 'Certificate level' : '证书等级');
      const words = book.worksheets[0]!.getColumn(
        header.indexOf(lang === 'en' ? 'Certificate level' : '证书等级') + 1,
      ).values;
      expect(words).toContain(lang === 'en' ? 'Senior social worker' : '高级社会工作师');
      const res = await upload(w.auth.bureau, file, 'roster.xlsx', c.id);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toEqual({ created: 0, updated: 0, unchanged: n });
      expect(await levels()).toEqual(before);
    }
    // A file written before the level was kept: the levels on the roster stay.
    const file = await download(c.id);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    book.worksheets[0]!.spliceColumns(HEADER.indexOf('社工证') + 2, 1);
    const old = Buffer.from(await book.xlsx.writeBuffer());
    const res = await upload(w.auth.bureau, old, 'roster.xlsx', c.id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ created: 0, updated: 0, unchanged: n });
    expect(await levels()).toEqual(before);
  });

  it('reads the level words of an import, an empty cell as none', async () => {
    const res = await upload(
      w.auth.bureau,
      await workbook(LEVEL_HEADER, [
        row('L-1', '是', '社会工作师'),
        row('L-2', '是', ''),
        row('L-3', '否', ''),
        row('L-4', '是', '中级'),
      ]),
      'roster.xlsx',
      w.empty.id,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const page = (await list(w.auth.bureau, w.empty.id)).body as WorkforcePage;
    expect(
      page.items
        .filter((i) => i.workerNumber.startsWith('L-'))
        .map((i) => [i.workerNumber, i.certified, i.certificateLevel]),
    ).toEqual([
      ['L-1', true, 'intermediate'],
      ['L-2', true, null],
      ['L-3', false, null],
      ['L-4', true, 'intermediate'],
    ]);
  });

  it('refuses an import with an unknown level word, or a level without the certificate (422, row and column)', async () => {
    const n = await entries(w.community.id);
    const res = await upload(
      w.auth.admin,
      await workbook(LEVEL_HEADER, [
        row('U-1', '是', '助理社会工作师'),
        row('U-2', '是', '特级社工'),
        row('U-3', '否', '高级社会工作师'),
      ]),
    );
    expect(res.status).toBe(422);
    expect((res.body as ApiError).code).toBe('IMPORT_REJECTED');
    expect(rejection(res)).toEqual([
      [3, '证书等级', 'not_one_of'],
      [4, '证书等级', 'paired'],
    ]);
    expect(await entries(w.community.id)).toBe(n);
    // In English headers the column is named as the file names it.
    const en = await upload(
      w.auth.admin,
      await workbook(
        [
          'Worker number',
          'Name',
          'Date of birth',
          'Hired on',
          'Position',
          'Certified social worker',
          'Certificate level',
          'Highest degree',
          'Monthly pay (yuan)',
        ],
        [
          [
            'U-4',
            '王芳',
            '1990-01-01',
            '2020-01-01',
            '综合岗',
            'no',
            'Social worker',
            'Bachelor',
            4000,
          ],
        ],
      ),
    );
    expect(en.status).toBe(422);
    expect(rejection(en)).toEqual([[2, 'Certificate level', 'paired']]);
    expect(await entries(w.community.id)).toBe(n);
  });
});
