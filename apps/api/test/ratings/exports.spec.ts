import { writeFileSync } from 'node:fs';
import type { RatingScorecard } from '@baitong/contracts';
import { sampleFramework2022 } from '@baitong/rating-engine';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestApp } from '../utils/app';
import { type FixtureRun, createRatingRun } from './run-fixture';
import { type ResultsWorld, resultsWorld, scored } from './world';

let t: TestContext;
let w: ResultsWorld;
let run: FixtureRun;
let wide: FixtureRun;

const binary = (path: string, auth: string) =>
  t.http
    .get(path)
    .set('Authorization', auth)
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });

beforeAll(async () => {
  t = await createTestApp();
  w = await resultsWorld(t);
  run = await createRatingRun(t.ds, { year: 2025, status: 'in_review', communities: scored(w) });
  // The 90-indicator sample (three sections 党建引领 / 多元共建 / 共享文明): a scorecard of pages.
  wide = await createRatingRun(t.ds, {
    year: 2023,
    status: 'published',
    framework: sampleFramework2022,
    communities: scored(w),
  });
});
afterAll(() => t?.close());

describe('GET /api/rating-runs/:runId/export.xlsx', () => {
  it('reads back: one row per community with section subtotals, then every indicator score', async () => {
    const res = await binary(`/api/rating-runs/${run.runId}/export.xlsx`, w.auth.bureau);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['评定结果', '指标得分']);
    const [results, indicators] = book.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
    expect((results.getRow(1).values as unknown[]).slice(1)).toEqual([
      '社区编号',
      '社区',
      '街道',
      '状态',
      '总分',
      '名次',
      '等级',
      '通报批评',
      '推荐',
      '升降',
      '共享文明',
      '党建引领',
    ]);
    const rows: unknown[][] = [];
    results.eachRow((row, n) => {
      if (n > 1) rows.push((row.values as unknown[]).slice(1));
    });
    const communityRows = rows.filter((r) => typeof r[0] === 'string' && r.length > 5);
    expect(communityRows).toHaveLength(11);
    const own = communityRows.find((r) => r[0] === w.own.id)!;
    const stored = run.result.communities.find((c) => c.id === w.own.id)!;
    expect(own.slice(0, 10)).toEqual([
      w.own.id,
      '和睦路社区',
      '人和街道',
      '参评',
      stored.total,
      10,
      '无',
      '否',
      '否',
      '降级',
    ]);
    expect(own.slice(10)).toEqual(stored.sections.map((s) => s.points));
    expect(rows.some((r) => r[0] === '内容哈希' && r[1] === run.contentHash)).toBe(true);
    expect((indicators.getRow(1).values as unknown[]).slice(1)).toEqual([
      '社区编号',
      '社区',
      '板块',
      '方面',
      '指标编码',
      '指标',
      '来源',
      '取值/评分',
      '得分',
      '满分',
    ]);
    expect(indicators.rowCount).toBe(1 + 11 * 4);
    const sat = (indicators.getRow(2).values as unknown[]).slice(1);
    const first = run.result.communities[0]!;
    const firstSat = first.sections[0]!.aspects[0]!.indicators[0]!;
    expect(sat).toEqual([
      first.id,
      expect.any(String),
      '共享文明',
      '居民满意',
      'satisfaction_rate',
      '居民满意度',
      '数据指标',
      (firstSat as { value: number }).value,
      firstSat.points,
      40,
    ]);
  });

  it('holds only the rows in scope: a community admin gets their own', async () => {
    const res = await binary(`/api/rating-runs/${run.runId}/export.xlsx?lang=en`, w.auth.admin);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Results', 'Indicator scores']);
    const ids: unknown[] = [];
    book.worksheets[0]!.eachRow((row, n) => {
      if (n > 1) ids.push((row.values as unknown[])[1]);
    });
    expect(ids.filter((x) => x === w.own.id || x === w.sibling.id)).toEqual([w.own.id]);
    expect(book.worksheets[1]!.rowCount).toBe(1 + 4);
  });

  it('refuses a bad language, naming the field', async () => {
    const res = await t.http
      .get(`/api/rating-runs/${run.runId}/export.xlsx?lang=fr`)
      .set('Authorization', w.auth.bureau);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('lang');
  });
});

describe('GET /api/rating-runs/:runId/communities/:communityId/scorecard.pdf', () => {
  it('is an A4 PDF whose text (Chinese included), page numbers and hash come out of a reader', async () => {
    const res = await binary(
      `/api/rating-runs/${wide.runId}/communities/${w.own.id}/scorecard.pdf`,
      w.auth.admin,
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const bytes = res.body as Buffer;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // The font is embedded (a subset of the npm-shipped Noto Sans SC), not taken from the OS.
    expect(bytes.includes(Buffer.from('FontFile'))).toBe(true);
    const parser = new PDFParse({ data: new Uint8Array(bytes) });
    const text = await parser.getText();
    expect(text.total).toBeGreaterThan(1);
    expect(text.text).toContain('和睦路社区');
    expect(text.text).toContain('党建引领');
    expect(text.text).toContain('共享文明');
    for (const page of text.pages) {
      expect(page.text.replace(/\s+/g, '')).toContain(`内容哈希${wide.contentHash}`);
      expect(page.text.replace(/\s+/g, '')).toContain(`第${page.num}页/共${text.total}页`);
    }
    const card = (
      await t.http
        .get(`/api/rating-runs/${wide.runId}/communities/${w.own.id}/scorecard`)
        .set('Authorization', w.auth.admin)
    ).body as RatingScorecard;
    const firstIndicator = card.sections[0]!.aspects[0]!.indicators[0]!;
    expect(text.text).toContain(firstIndicator.name.zh);
    expect(text.text).toContain(String(card.community.total));
    const info = await parser.getInfo();
    const page1 = info.pages?.[0] as { width?: number; height?: number } | undefined;
    if (page1?.width) {
      expect(Math.round(page1.width)).toBe(595);
      expect(Math.round(page1.height!)).toBe(842);
    }
    // Render the first page to PNG, to look at (written beside the test output, not committed).
    const shot = await parser.getScreenshot({ partial: [1], scale: 1.5 });
    const png = shot.pages[0]!.data;
    expect(Buffer.from(png).subarray(1, 4).toString()).toBe('PNG');
    if (process.env.RATING_PDF_PNG) writeFileSync(process.env.RATING_PDF_PNG, png);
    await parser.destroy();
  });

  it('is refused out of scope like the scorecard', async () => {
    const res = await t.http
      .get(`/api/rating-runs/${wide.runId}/communities/${w.sibling.id}/scorecard.pdf`)
      .set('Authorization', w.auth.admin);
    expect(res.status).toBe(404);
  });
});
