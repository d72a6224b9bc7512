import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { createRequire } from 'node:module';
import type { RatingResultRow, RatingScorecard } from '@baitong/contracts';
import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import type { Actor } from '../../auth/actor';
import { RatingResultsService } from './rating-results.service';
import { woffToSfnt } from './woff-to-sfnt';

export type ExportLang = 'zh-CN' | 'en';

// The CJK font comes from the npm install (@fontsource/noto-sans-sc), never from the OS: its
// "chinese-simplified" WOFF holds 8,248 glyphs (GB 2312 and Latin), embedded as a subset.
const require_ = createRequire(__filename);
export const CJK_FONT_PATH = require_.resolve(
  '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff',
);

let cjkFont: Buffer | null = null;
/** The font as plain OpenType, read and inflated once per process. */
export function cjkFontBytes(): Buffer {
  cjkFont ??= woffToSfnt(readFileSync(CJK_FONT_PATH));
  return cjkFont;
}

const T = {
  'zh-CN': {
    results: '评定结果',
    indicators: '指标得分',
    head: ['社区编号', '社区', '街道', '状态', '总分', '名次', '等级', '通报批评', '推荐', '升降'],
    indicatorHead: [
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
    ],
    status: {
      rated: '参评',
      not_eligible: '不具备参评资格',
      disqualified: '取消资格',
      incomplete: '材料不全',
    },
    movement: { upgrade: '升级', keep: '保持', downgrade: '降级', new: '新评' },
    source: { metric: '数据指标', assessment: '现场评分' },
    yes: '是',
    no: '否',
    none: '无',
  },
  en: {
    results: 'Results',
    indicators: 'Indicator scores',
    head: [
      'Community id',
      'Community',
      'Street',
      'Status',
      'Total',
      'Rank',
      'Grade',
      'Notice',
      'Recommended',
      'Movement',
    ],
    indicatorHead: [
      'Community id',
      'Community',
      'Section',
      'Aspect',
      'Indicator key',
      'Indicator',
      'Source',
      'Value / scores',
      'Points',
      'Max points',
    ],
    status: {
      rated: 'rated',
      not_eligible: 'not eligible',
      disqualified: 'disqualified',
      incomplete: 'incomplete',
    },
    movement: { upgrade: 'upgrade', keep: 'keep', downgrade: 'downgrade', new: 'new' },
    source: { metric: 'metric', assessment: 'assessment' },
    yes: 'yes',
    no: 'no',
    none: 'none',
  },
} as const;

const short = (hash: string) => hash.slice(0, 16);

/** The run's files: the results workbook and a community's scorecard PDF. */
@Injectable()
export class RatingExportsService {
  constructor(private readonly results: RatingResultsService) {}

  async xlsx(
    a: Actor,
    runId: string,
    lang: ExportLang,
  ): Promise<{ file: Buffer; filename: string }> {
    const { page, communities, names, facts } = await this.results.resultsWithData(a, runId);
    const t = T[lang];
    const zh = lang === 'zh-CN';
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<void>((resolve, reject) => {
      out.on('end', resolve);
      out.on('error', reject);
    });
    // Streamed: a 5,000-community run has 450,000 indicator rows.
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: false,
      useSharedStrings: false,
    });
    book.creator = 'Baitong';
    const n = (x: { zh: string; en: string }) => (zh ? x.zh : x.en);
    const sheet1 = book.addWorksheet(t.results);
    sheet1.addRow([...t.head, ...page.sections.map((s) => n(s.name))]).commit();
    const row1 = (r: RatingResultRow) => [
      r.communityId,
      zh ? r.name : r.nameEn,
      zh ? r.streetName : r.streetNameEn,
      t.status[r.status],
      r.total,
      r.rank,
      r.grade ?? t.none,
      r.notice ? t.yes : t.no,
      r.recommended ? t.yes : t.no,
      r.movement === null ? '' : t.movement[r.movement],
      ...page.sections.map((s) => r.sections.find((x) => x.key === s.key)?.points ?? null),
    ];
    for (const r of page.rows) sheet1.addRow(row1(r)).commit();
    sheet1.addRow([]).commit();
    sheet1.addRow([zh ? '内容哈希' : 'Content hash', page.contentHash]).commit();
    await sheet1.commit();

    const sheet2 = book.addWorksheet(t.indicators);
    sheet2.addRow(t.indicatorHead).commit();
    for (const c of communities) {
      const name = zh
        ? (facts.communities[c.id]?.name ?? c.id)
        : (facts.communities[c.id]?.nameEn ?? c.id);
      for (const s of c.sections)
        for (const asp of s.aspects)
          for (const i of asp.indicators) {
            const value =
              i.source === 'metric'
                ? i.value
                : Object.entries(i.scores)
                    .map(([k, v]) => `${k}:${v === null || v === undefined ? '-' : v.score}`)
                    .join(' ');
            sheet2
              .addRow([
                c.id,
                name,
                n(names.get(s.key) ?? { zh: s.key, en: s.key }),
                n(names.get(asp.key) ?? { zh: asp.key, en: asp.key }),
                i.key,
                n(names.get(i.key) ?? { zh: i.key, en: i.key }),
                t.source[i.source],
                value,
                i.points,
                i.maxPoints,
              ])
              .commit();
          }
    }
    await sheet2.commit();
    await book.commit();
    await done;
    return {
      file: Buffer.concat(chunks),
      filename: `rating-${page.run.year}-${short(page.contentHash)}.xlsx`,
    };
  }

  async pdf(
    a: Actor,
    runId: string,
    communityId: string,
    lang: ExportLang,
  ): Promise<{ file: Buffer; filename: string }> {
    const card = await this.results.scorecard(a, runId, communityId);
    return {
      file: await renderScorecardPdf(card, lang),
      filename: `scorecard-${card.run.year}-${communityId}.pdf`,
    };
  }
}

/** A4 scorecard: head, grade decision, the indicator table; page numbers and the hash on every page. */
export function renderScorecardPdf(card: RatingScorecard, lang: ExportLang): Promise<Buffer> {
  const zh = lang === 'zh-CN';
  const n = (x: { zh: string; en: string }) => (zh ? x.zh : x.en);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 60, left: 45, right: 45 },
    bufferPages: true,
    info: { Title: `${card.community.name} ${card.run.year}` },
  });
  doc.registerFont('cjk', cjkFontBytes());
  doc.font('cjk');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const c = card.community;
  doc
    .fontSize(16)
    .text(
      zh
        ? `${card.run.year} 年度和谐社区等级评定 评分表`
        : `Harmonious community rating ${card.run.year}: scorecard`,
    );
  doc.moveDown(0.3);
  doc.fontSize(13).text(`${zh ? c.name : c.nameEn}  ·  ${zh ? c.streetName : c.streetNameEn}`);
  doc.moveDown(0.3);
  doc.fontSize(10);
  const grade = c.grade ?? (zh ? '无等级' : 'no grade');
  doc.text(
    zh
      ? `总分 ${c.total} / ${c.maxTotal}    名次 ${c.rank ?? '-'}    等级 ${grade}${c.notice ? '    通报批评' : ''}${c.recommended ? '    推荐参评市级、全国' : ''}`
      : `Total ${c.total} / ${c.maxTotal}    Rank ${c.rank ?? '-'}    Grade ${grade}${c.notice ? '    public notice' : ''}${c.recommended ? '    recommended' : ''}`,
  );
  doc.text(
    zh ? `评定依据：${c.gradeDecisionText.zh}` : `Grade decision: ${c.gradeDecisionText.en}`,
    { width },
  );
  doc.text(
    zh
      ? `评定框架：${n(card.framework.name)}（${card.framework.version}）    数据期间：${card.period.from} 至 ${card.period.to}`
      : `Framework: ${n(card.framework.name)} (${card.framework.version})    Period: ${card.period.from} to ${card.period.to}`,
    { width },
  );
  doc.moveDown(0.6);

  // The table: indicator | source | value / scores | points | max
  const cols = [width * 0.46, width * 0.1, width * 0.24, width * 0.1, width * 0.1];
  const xs = cols.map((_, i) => left + cols.slice(0, i).reduce((s, w) => s + w, 0));
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const row = (cells: string[], opts: { bold?: boolean; fill?: string } = {}) => {
    doc.fontSize(9);
    const heights = cells.map((cell, i) => doc.heightOfString(cell, { width: (cols[i] ?? 0) - 6 }));
    const h = Math.max(...heights) + 6;
    if (doc.y + h > bottom()) doc.addPage();
    const y = doc.y;
    if (opts.fill) doc.save().rect(left, y, width, h).fill(opts.fill).restore();
    cells.forEach((cell, i) =>
      doc.fillColor('#000').text(cell, (xs[i] ?? 0) + 3, y + 3, { width: (cols[i] ?? 0) - 6 }),
    );
    doc
      .moveTo(left, y + h)
      .lineTo(left + width, y + h)
      .lineWidth(0.3)
      .strokeColor('#999')
      .stroke();
    doc.x = left;
    doc.y = y + h;
  };
  const head = zh
    ? ['指标', '来源', '取值 / 评分', '得分', '满分']
    : ['Indicator', 'Source', 'Value / scores', 'Points', 'Max'];
  row(head, { fill: '#e8e8e8' });
  for (const s of card.sections) {
    row([`${n(s.name)}`, '', '', String(s.points), String(s.maxPoints)], { fill: '#f3f3f3' });
    for (const asp of s.aspects) {
      row([`  ${n(asp.name)}`, '', '', String(asp.points), String(asp.maxPoints)]);
      for (const i of asp.indicators) {
        const value =
          i.source === 'metric'
            ? i.value === null || i.value === undefined
              ? zh
                ? '缺失'
                : 'missing'
              : String(i.value)
            : Object.values(i.scores ?? {})
                .map((v) => (v === null || v === undefined ? '-' : String(v.score)))
                .join(' / ');
        row([
          `    ${n(i.name)}`,
          i.source === 'metric' ? (zh ? '数据' : 'metric') : zh ? '评分' : 'assessed',
          value,
          String(i.points),
          String(i.maxPoints),
        ]);
      }
    }
  }

  const range = doc.bufferedPageRange();
  for (let p = range.start; p < range.start + range.count; p++) {
    doc.switchToPage(p);
    const y = doc.page.height - 40;
    const m = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .fontSize(9)
      .fillColor('#444')
      .text(zh ? `内容哈希 ${card.contentHash}` : `Content hash ${card.contentHash}`, left, y, {
        width: width * 0.8,
        lineBreak: false,
      });
    doc
      .fontSize(9)
      .text(
        zh ? `第 ${p + 1} 页 / 共 ${range.count} 页` : `Page ${p + 1} of ${range.count}`,
        left,
        y,
        { width, align: 'right', lineBreak: false },
      );
    doc.page.margins.bottom = m;
  }
  doc.end();
  return ended;
}
