import type {
  ApiError,
  RatingCommunityHistory,
  RatingGradeImportResult,
  RatingGradeList,
  ResidentCommunityRating,
} from '@baitong/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';
import { type HistoryWorld, gradesFile, historyWorld, publishedRun } from './history-world';

let t: TestContext;
let w: HistoryWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await historyWorld(t);
});
afterAll(() => t.close());

const upload = (who: string, file: Buffer, dryRun = false) =>
  t.http
    .post(`/api/rating-grades/import${dryRun ? '?dryRun=true' : ''}`)
    .set('Authorization', who)
    .attach('file', file, { filename: 'grades.xlsx' });
const gradeRows = async () =>
  (await t.ds.query(
    `SELECT year, community_id, grade, total::float8 AS total, rank, rated_count, notice, recommended, source, imported_by_name
       FROM rating_grade ORDER BY year, community_id`,
  )) as Record<string, unknown>[];
const list = (who: string, q = '') =>
  t.http.get(`/api/rating-grades${q}`).set('Authorization', who);

describe('importing past published results', () => {
  it('writes every row of a clean file as an imported grade, with the rank out of the ranked', async () => {
    const file = await gradesFile([
      [2018, w.a.code, w.a.name, 'A', 82.5, 2, '否'],
      [2018, w.b.code, null, 'AAA', 95, 1, null],
      [2018, null, w.c.name, '无', 64, 3, '是'],
      ['2019', w.a.code.toLowerCase(), null, 'a', null, null, null],
    ]);
    const res = await upload(w.auth.bureau, file);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const out = res.body as RatingGradeImportResult;
    expect(out).toMatchObject({
      dryRun: false,
      applied: true,
      errors: [],
      counts: { rows: 4, create: 4, replace: 0, unchanged: 0, errors: 0 },
      years: [2018, 2019],
    });
    const rows = await gradeRows();
    expect(rows).toHaveLength(4);
    const of = (year: number, id: string) =>
      rows.find((r) => r.year === year && r.community_id === id)!;
    expect(of(2018, w.a.id)).toMatchObject({
      grade: 'A',
      total: 82.5,
      rank: 2,
      rated_count: 3,
      notice: false,
      recommended: false,
      source: 'import',
    });
    expect(of(2018, w.b.id)).toMatchObject({ grade: 'AAA', recommended: true, rated_count: 3 });
    expect(of(2018, w.c.id)).toMatchObject({ grade: 'none', notice: true, total: 64 });
    expect(of(2019, w.a.id)).toMatchObject({
      grade: 'A',
      total: null,
      rank: null,
      rated_count: null,
    });
  });

  it('previews a dry run with what each row would do, and writes nothing', async () => {
    const before = await gradeRows();
    const file = await gradesFile([
      [2018, w.a.code, null, 'AA', 88, 1, null],
      [2018, w.b.code, null, 'AAA', 95, 1, null],
      [2020, w.a.code, null, 'AAA', 96, 1, null],
    ]);
    const res = await upload(w.auth.bureau, file, true);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const out = res.body as RatingGradeImportResult;
    expect(out.applied).toBe(false);
    expect(out.dryRun).toBe(true);
    expect(out.rows.map((r) => r.action)).toEqual(['replace', 'unchanged', 'create']);
    expect(out.counts).toEqual({ rows: 3, create: 1, replace: 1, unchanged: 1, errors: 0 });
    expect(await gradeRows()).toEqual(before);
  });

  it('replaces an imported grade when the corrected file comes again', async () => {
    const res = await upload(
      w.auth.bureau,
      await gradesFile([[2019, w.a.code, null, 'AA', 90, 1, null]]),
    );
    expect(res.status).toBe(200);
    expect((res.body as RatingGradeImportResult).counts.replace).toBe(1);
    const [row] = (await t.ds.query(
      `SELECT grade, total::float8 AS total, rated_count FROM rating_grade WHERE year = 2019 AND community_id = $1`,
      [w.a.id],
    )) as Record<string, unknown>[];
    expect(row).toEqual({ grade: 'AA', total: 90, rated_count: 1 });
  });

  it('refuses the whole file with each bad row named: a bad grade, an unknown community, a duplicate, a year with a published run', async () => {
    await publishedRun(t, 2024, w.a, 'AA');
    const before = await gradeRows();
    const file = await gradesFile([
      [2021, w.a.code, null, 'AAAA', null, null, null],
      [2021, 'NO-SUCH-CODE', null, 'A', null, null, null],
      [2021, null, '没有这个社区', 'A', null, null, null],
      [2021, w.b.code, null, 'AA', null, null, null],
      [2021, w.b.code, null, 'A', null, null, null],
      [2024, w.c.code, null, 'A', null, null, null],
      [2021, w.c.code, null, 'A', 120, 0, '也许'],
      [null, w.c.code, null, 'A', null, null, null],
    ]);
    const res = await upload(w.auth.bureau, file);
    expect(res.status).toBe(422);
    const err = res.body as ApiError;
    expect(err.code).toBe('IMPORT_REJECTED');
    const errors = (err.details as unknown as RatingGradeImportResult).errors.map((e) => [
      e.row,
      e.column,
      e.code,
    ]);
    expect(errors).toEqual([
      [2, '等级', 'not_one_of'],
      [3, '社区编码', 'not_found'],
      [4, '社区名称', 'not_found'],
      [6, '社区编码', 'duplicate'],
      [7, '年度', 'locked'],
      [8, '总分', 'too_large'],
      [8, '排名', 'not_an_integer'],
      [8, '通报批评', 'not_a_boolean'],
      [9, '年度', 'required'],
    ]);
    expect(await gradeRows()).toEqual(before);
    // The same file as a dry run: the same errors, 200, nothing written.
    const preview = await upload(w.auth.bureau, file, true);
    expect(preview.status).toBe(200);
    expect((preview.body as RatingGradeImportResult).errors).toHaveLength(errors.length);
    expect((preview.body as RatingGradeImportResult).applied).toBe(false);
    expect(await gradeRows()).toEqual(before);
  });

  it('never overwrites a grade a published run wrote', async () => {
    const res = await upload(
      w.auth.bureau,
      await gradesFile([[2024, w.a.code, null, 'A', null, null, null]]),
    );
    expect(res.status).toBe(422);
    const [row] = (await t.ds.query(
      `SELECT grade, source FROM rating_grade WHERE year = 2024 AND community_id = $1`,
      [w.a.id],
    )) as Record<string, unknown>[];
    expect(row).toEqual({ grade: 'AA', source: 'run' });
  });

  it('names a file without the needed columns, a file that is not xlsx, and no file', async () => {
    const noGrade = await upload(
      w.auth.bureau,
      await gradesFile([[2021, w.a.code]], ['年度', '社区编码']),
    );
    expect(noGrade.status).toBe(422);
    expect((noGrade.body as ApiError).details).toMatchObject({
      errors: [{ row: 1, column: '等级', code: 'required' }],
    });
    const text = await upload(w.auth.bureau, Buffer.from('year,code\n2021,x\n'));
    expect(text.status).toBe(415);
    expect((text.body as ApiError).fields?.[0]).toMatchObject({
      field: 'file',
      code: 'not_a_spreadsheet',
    });
    const none = await t.http.post('/api/rating-grades/import').set('Authorization', w.auth.bureau);
    expect(none.status).toBe(400);
    expect((none.body as ApiError).fields?.[0]).toMatchObject({ field: 'file', code: 'required' });
  });

  it('reads English headers, and gives a template that imports once filled in', async () => {
    const tpl = await t.http
      .get('/api/rating-grades/import-template.xlsx')
      .set('Authorization', w.auth.bureau)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(tpl.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(tpl.body as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '年度',
      '社区编码',
      '社区名称',
      '等级',
      '总分',
      '排名',
      '通报批评',
    ]);
    sheet.addRow([2022, w.c.code, null, 'AA']);
    const filled = await upload(w.auth.bureau, Buffer.from(await book.xlsx.writeBuffer()));
    expect(filled.status, JSON.stringify(filled.body)).toBe(200);
    const english = await upload(
      w.auth.bureau,
      await gradesFile([[2022, w.b.code, 'A']], ['Year', 'Community code', 'Grade']),
    );
    expect(english.status, JSON.stringify(english.body)).toBe(200);
  });

  it('lets only the bureau import or download the template', async () => {
    const file = await gradesFile([[2023, w.a.code, null, 'A', null, null, null]]);
    for (const who of [w.auth.monitor, w.auth.streetAdmin, w.auth.adminA, w.auth.residentA]) {
      expect((await upload(who, file)).status).toBe(403);
      expect(
        (await t.http.get('/api/rating-grades/import-template.xlsx').set('Authorization', who))
          .status,
      ).toBe(403);
    }
    const [n] = (await t.ds.query(
      `SELECT count(*)::int AS n FROM rating_grade WHERE year = 2023`,
    )) as {
      n: number;
    }[];
    expect(n!.n).toBe(0);
  });
});

describe('grade history in scope', () => {
  const communities = (body: unknown) =>
    new Set((body as RatingGradeList).items.map((i) => i.communityId));

  it('shows the bureau and the monitor every community, a street admin their street, community staff their own', async () => {
    for (const who of [w.auth.bureau, w.auth.monitor])
      expect(communities((await list(who)).body)).toEqual(new Set([w.a.id, w.b.id, w.c.id]));
    expect(communities((await list(w.auth.streetAdmin)).body)).toEqual(new Set([w.a.id, w.b.id]));
    for (const who of [w.auth.adminA, w.auth.workerA])
      expect(communities((await list(who)).body)).toEqual(new Set([w.a.id]));
    // Asking for another street's community gives nothing, never its grades.
    const other = await list(w.auth.adminA, `?communityId=${w.c.id}`);
    expect(other.status).toBe(200);
    expect((other.body as RatingGradeList).items).toEqual([]);
    expect((await list(w.auth.residentA)).status).toBe(403);
  });

  it('filters by year and street, and shows the movement against the year before', async () => {
    const res = await list(w.auth.bureau, `?year=2019&streetId=${w.s1.id}`);
    expect(res.status).toBe(200);
    const body = res.body as RatingGradeList;
    expect(body.years).toEqual([2019]);
    expect(body.items.map((i) => [i.communityId, i.grade, i.movement])).toEqual([
      [w.a.id, 'AA', 'upgrade'],
    ]);
    const bad = await list(w.auth.bureau, '?year=abc');
    expect(bad.status).toBe(400);
    expect((bad.body as ApiError).fields?.[0]?.field).toBe('year');
  });

  it('gives a community’s every year, newest first, with the run of a run’s grade', async () => {
    const res = await t.http
      .get(`/api/communities/${w.a.id}/rating-history`)
      .set('Authorization', w.auth.adminA);
    expect(res.status).toBe(200);
    const h = res.body as RatingCommunityHistory;
    expect(h.communityName).toBe('和睦测试社区');
    expect(h.years.map((y) => [y.year, y.grade, y.source])).toEqual([
      [2024, 'AA', 'run'],
      [2019, 'AA', 'import'],
      [2018, 'A', 'import'],
    ]);
    expect(h.years[0]!.runId).toEqual(expect.any(String));
    expect(h.years[2]).toMatchObject({ rank: 2, ratedCount: 3, total: 82.5 });
    for (const who of [w.auth.adminA, w.auth.streetAdmin])
      expect(
        (await t.http.get(`/api/communities/${w.c.id}/rating-history`).set('Authorization', who))
          .status,
      ).toBe(404);
    expect(
      (
        await t.http
          .get(`/api/communities/${w.a.id}/rating-history`)
          .set('Authorization', w.auth.residentA)
      ).status,
    ).toBe(403);
  });
});

describe('the resident’s community grade', () => {
  const mine = (who: string) => t.http.get('/api/me/community-rating').set('Authorization', who);

  it('shows the latest published grade with the run’s section subtotals and names', async () => {
    const res = await mine(w.auth.residentA);
    expect(res.status).toBe(200);
    const r = res.body as ResidentCommunityRating;
    expect(r.communityId).toBe(w.a.id);
    expect(r.latest).toMatchObject({
      year: 2024,
      grade: 'AA',
      total: 91.5,
      maxTotal: 100,
      rank: 1,
      ratedCount: 12,
      movement: 'upgrade',
      source: 'run',
      contentHash: 'f'.repeat(64),
      sections: [
        {
          key: 'party_leadership',
          name: { zh: '党建引领', en: 'Party leadership' },
          points: 55.25,
          maxPoints: 60,
        },
        {
          key: 'co_building',
          name: { zh: '多元共建', en: 'Co-building' },
          points: 36.25,
          maxPoints: 40,
        },
      ],
    });
    expect(r.years.map((y) => [y.year, y.grade])).toEqual([
      [2024, 'AA'],
      [2019, 'AA'],
      [2018, 'A'],
    ]);
  });

  it('shows another community’s resident their own community only, an imported grade without sections', async () => {
    const res = await mine(w.auth.residentC);
    expect(res.status).toBe(200);
    const r = res.body as ResidentCommunityRating;
    expect(r.communityId).toBe(w.c.id);
    expect(r.latest).toMatchObject({ year: 2022, grade: 'AA', source: 'import', sections: [] });
    expect(r.years.map((y) => y.year)).toEqual([2022, 2018]);
    expect(JSON.stringify(r)).not.toContain(w.a.id);
  });

  it('says "never rated" with no latest grade, and is for residents only', async () => {
    const fresh = await t.given.community({ street: w.s2 });
    const resident = await t.given.resident({ community: fresh });
    const auth = `Bearer ${(await t.given.residentLogin(resident)).accessToken}`;
    const res = await mine(auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ communityId: fresh.id, latest: null, years: [] });
    expect((await mine(w.auth.adminA)).status).toBe(403);
  });
});
