import type { RatingGradeImportResult, RatingGradeRow } from '@baitong/contracts';
import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { menuFor } from '@/router/menu';
import CommunityRatingHistory from '@/views/ratings/history/CommunityRatingHistory.vue';
import RatingGradeHistory from '@/views/ratings/history/RatingGradeHistory.vue';
import { jsonResponse, makeUser, mountInApp, storeSession, stubFetch } from './helpers';

enableAutoUnmount(afterEach);

const byTestId = (id: string) => document.body.querySelector<HTMLElement>(`[data-testid="${id}"]`);

function grade(overrides: Partial<RatingGradeRow>): RatingGradeRow {
  return {
    id: `g-${overrides.year}-${overrides.communityId}`,
    year: 2021,
    communityId: 'c1',
    communityName: '和睦路社区',
    communityNameEn: 'Hemu Road Community',
    communityCode: 'C1',
    streetId: 's1',
    streetName: '人和街道',
    streetNameEn: 'Renhe Subdistrict',
    grade: 'AAA',
    status: null,
    total: 95,
    rank: 1,
    ratedCount: 3,
    notice: false,
    recommended: true,
    source: 'import',
    runId: null,
    movement: 'upgrade',
    ...overrides,
  };
}

const GRADES = [
  grade({ year: 2021, communityId: 'c1', grade: 'AAA' }),
  grade({ year: 2020, communityId: 'c1', grade: 'A', rank: 2, movement: 'keep' }),
  grade({
    year: 2021,
    communityId: 'c2',
    communityName: '万年路社区',
    communityNameEn: 'Wannian Road Community',
    grade: 'none',
    notice: true,
  }),
];

const preview = (over: Partial<RatingGradeImportResult>): RatingGradeImportResult => ({
  dryRun: true,
  applied: false,
  rows: [],
  errors: [],
  counts: { rows: 0, create: 0, replace: 0, unchanged: 0, errors: 0 },
  years: [],
  ...over,
});

async function openHistory(importAnswer: (path: string) => Response) {
  storeSession(makeUser('bureau_admin', 'district', 'district'));
  const stub = stubFetch({
    'GET /api/streets': () => jsonResponse(200, []),
    'GET /api/rating-grades': () => jsonResponse(200, { items: GRADES, years: [2021, 2020] }),
    'POST /api/rating-grades/import': (call) => importAnswer(call.path),
  });
  const opened = await mountInApp(RatingGradeHistory);
  await flushPromises();
  return { ...opened, calls: stub.calls };
}

async function choose() {
  byTestId('rating-history-import')!.click();
  await flushPromises();
  const input = byTestId('grade-import-file') as HTMLInputElement;
  const file = new File([new Uint8Array(1024)], 'grades.xlsx');
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change'));
  await flushPromises();
}

describe('the rating history for the bureau', () => {
  it('shows communities by year with their grades', async () => {
    const { wrapper } = await openHistory(() => jsonResponse(500, {}));
    const rows = wrapper.findAll('[data-testid="rating-history-table"] .el-table__body tr');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.text()).toContain('和睦路社区');
    expect(rows[0]!.findAll('[data-testid="grade-tag"]').map((t) => t.text())).toEqual([
      'A',
      'AAA',
    ]);
    expect(rows[1]!.text()).toContain('无等级');
  });

  it('checks a file first and lists each bad row; nothing can be confirmed', async () => {
    const { calls } = await openHistory(() =>
      jsonResponse(
        200,
        preview({
          errors: [
            {
              row: 3,
              column: '等级',
              code: 'not_one_of',
              message: '"B" is not AAA, AA, A or 无 (none)',
            },
            { row: 4, column: '年度', code: 'locked', message: '2024 has a published rating run' },
          ],
          counts: { rows: 2, create: 0, replace: 0, unchanged: 0, errors: 2 },
        }),
      ),
    );
    await choose();
    byTestId('grade-import-check')!.click();
    await flushPromises();
    expect(calls.find((c) => c.method === 'POST')!.path).toBe(
      '/api/rating-grades/import?dryRun=true',
    );
    expect(byTestId('grade-import-rejected')!.textContent).toContain('文件有 2 处问题');
    const cells = Array.from(
      byTestId('grade-import-errors')!.querySelectorAll('.el-table__body tr'),
    ).map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent?.trim()));
    expect(cells[0]!.slice(0, 2)).toEqual(['3', '等级']);
    expect(cells[0]![2]).toContain('不是有效等级');
    expect(cells[1]![2]).toContain('该年度已由评定运行发布');
    expect((byTestId('grade-import-confirm') as HTMLButtonElement).disabled).toBe(true);
  });

  it('imports a clean file once confirmed', async () => {
    const row = {
      row: 2,
      year: 2019,
      communityId: 'c1',
      communityName: '和睦路社区',
      grade: 'A' as const,
      total: null,
      rank: null,
      notice: false,
      action: 'create' as const,
    };
    const { calls } = await openHistory((path) =>
      jsonResponse(
        200,
        preview({
          dryRun: path.includes('dryRun'),
          applied: !path.includes('dryRun'),
          rows: [row],
          counts: { rows: 1, create: 1, replace: 0, unchanged: 0, errors: 0 },
          years: [2019],
        }),
      ),
    );
    await choose();
    byTestId('grade-import-check')!.click();
    await flushPromises();
    expect(byTestId('grade-import-preview')!.textContent).toContain('检查通过：1 行，年度 2019');
    byTestId('grade-import-confirm')!.click();
    await flushPromises();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([
      '/api/rating-grades/import?dryRun=true',
      '/api/rating-grades/import',
    ]);
    expect(byTestId('grade-import-done')!.textContent).toContain('已导入 1 行');
  });
});

describe('a community’s 历年评定', () => {
  it('is reached from 我的评定 (one rating entry in the menu) and lists every year with its rank', async () => {
    const admin = makeUser('community_admin', 'community', 'c1');
    const keys = menuFor(admin, 'c1').map((e) => e.key);
    expect(keys).toContain('rating-mine');
    expect(keys).not.toContain('rating-history');
    expect(keys).not.toContain('rating-runs');
    storeSession(admin, 'c1');
    stubFetch({
      'GET /api/communities/c1/rating-history': () =>
        jsonResponse(200, {
          communityId: 'c1',
          communityName: '和睦路社区',
          communityNameEn: 'Hemu Road Community',
          streetName: '人和街道',
          streetNameEn: 'Renhe Subdistrict',
          years: GRADES.filter((g) => g.communityId === 'c1'),
        }),
    });
    const { wrapper } = await mountInApp(CommunityRatingHistory, {
      path: '/ratings/history/communities/c1',
    });
    await flushPromises();
    expect(wrapper.text()).toContain('和睦路社区 · 历年评定');
    const rows = wrapper.findAll('.el-table__body tr').map((r) => r.text());
    expect(rows[0]).toContain('2021');
    expect(rows[0]).toContain('第 1 / 3 名');
    expect(rows[1]).toContain('保持');
  });
});
