import type { CommunityEntity, StreetEntity } from '../../src/org/org.entities';
import type { ResidentEntity } from '../../src/people/people.entities';
import type { TestContext } from '../utils/app';
import ExcelJS from 'exceljs';

export interface HistoryWorld {
  s1: StreetEntity;
  s2: StreetEntity;
  /** On street 1. */
  a: CommunityEntity;
  /** On street 1. */
  b: CommunityEntity;
  /** On street 2. */
  c: CommunityEntity;
  residentA: ResidentEntity;
  residentC: ResidentEntity;
  auth: {
    bureau: string;
    monitor: string;
    streetAdmin: string;
    adminA: string;
    workerA: string;
    residentA: string;
    residentC: string;
  };
}

export async function historyWorld(t: TestContext): Promise<HistoryWorld> {
  const { given } = t;
  const s1 = await given.street();
  const s2 = await given.street();
  const a = await given.community({ street: s1, name: '和睦测试社区' });
  const b = await given.community({ street: s1 });
  const c = await given.community({ street: s2 });
  const token = async (s: Parameters<typeof given.token>[0]) => `Bearer ${await given.token(s)}`;
  const residentA = await given.resident({ community: a });
  const residentC = await given.resident({ community: c });
  return {
    s1,
    s2,
    a,
    b,
    c,
    residentA,
    residentC,
    auth: {
      bureau: await token(await given.staff('bureau_admin')),
      monitor: await token(await given.staff('monitor')),
      streetAdmin: await token(await given.staff('street_admin', { street: s1 })),
      adminA: await token(await given.staff('community_admin', { community: a })),
      workerA: await token(await given.staff('community_worker', { community: a })),
      residentA: `Bearer ${(await given.residentLogin(residentA)).accessToken}`,
      residentC: `Bearer ${(await given.residentLogin(residentC)).accessToken}`,
    },
  };
}

export const GRADE_HEADER = ['年度', '社区编码', '社区名称', '等级', '总分', '排名', '通报批评'];

/** An xlsx of results: rows under the template's headers (or the ones given). */
export async function gradesFile(
  rows: (string | number | null)[][],
  header: string[] = GRADE_HEADER,
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('历年评定结果');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * A published run of `year` whose stored result grades `community` (two sections), with the
 * grade row publishing wrote: what part "runs" leaves behind, written directly.
 */
export async function publishedRun(
  t: TestContext,
  year: number,
  community: CommunityEntity,
  grade: 'AAA' | 'AA' | 'A' | 'none',
): Promise<{ runId: string }> {
  const framework = {
    id: `test-fw-${year}-${community.code}`,
    version: '1',
    name: { zh: '测试标准', en: 'Test framework' },
    effectiveYear: 2022,
    sections: [
      { key: 'party_leadership', name: { zh: '党建引领', en: 'Party leadership' }, aspects: [] },
      { key: 'co_building', name: { zh: '多元共建', en: 'Co-building' }, aspects: [] },
    ],
  };
  const [fw] = (await t.ds.query(
    `INSERT INTO rating_framework (framework_key, version, name_zh, effective_year, definition, created_by_name)
     VALUES ($1, '1', '测试标准', 2022, $2::jsonb, 'test') RETURNING id`,
    [framework.id, JSON.stringify(framework)],
  )) as { id: string }[];
  const [run] = (await t.ds.query(
    `INSERT INTO rating_run (year, status, framework_id, rating_date, objection_window_days,
                             snapshot_version, created_by_name, published_at)
     VALUES ($1, 'published', $2, $3, 0, 1, 'test', now()) RETURNING id`,
    [year, fw!.id, `${year + 1}-01-15`],
  )) as { id: string }[];
  const result = {
    communities: [
      {
        id: community.id,
        total: 91.5,
        maxTotal: 100,
        rank: 1,
        grade,
        movement: 'upgrade',
        sections: [
          { key: 'party_leadership', points: 55.25, maxPoints: 60, aspects: [] },
          { key: 'co_building', points: 36.25, maxPoints: 40, aspects: [] },
        ],
      },
    ],
  };
  await t.ds.query(
    `INSERT INTO rating_run_snapshot (run_id, version, input, facts, content_hash, created_by_name, result, result_hash, computed_at)
     VALUES ($1, 1, $2::jsonb, '{}'::jsonb, $3, 'test', $4::jsonb, $3, now())`,
    [run!.id, JSON.stringify({ year, framework }), 'f'.repeat(64), JSON.stringify(result)],
  );
  await t.ds.query(
    `INSERT INTO rating_grade (year, community_id, grade, status, total, rank, rated_count, recommended, source, run_id)
     VALUES ($1, $2, $3, 'rated', 91.5, 1, 12, $4, 'run', $5)`,
    [year, community.id, grade, grade === 'AAA' || grade === 'AA', run!.id],
  );
  return { runId: run!.id };
}
