import type { RatingGradeImportError, RatingGradeValue } from '@baitong/contracts';
import ExcelJS from 'exceljs';

// The sheet of past published results (历年评定结果): the template writes these headers, the
// import finds its columns by them, in either language.

export type GradeField = 'year' | 'code' | 'name' | 'grade' | 'total' | 'rank' | 'notice';

interface Column {
  field: GradeField;
  zh: string;
  en: string;
  width: number;
}

export const GRADE_COLUMNS: readonly Column[] = [
  { field: 'year', zh: '年度', en: 'Year', width: 8 },
  { field: 'code', zh: '社区编码', en: 'Community code', width: 16 },
  { field: 'name', zh: '社区名称', en: 'Community name', width: 18 },
  { field: 'grade', zh: '等级', en: 'Grade', width: 8 },
  { field: 'total', zh: '总分', en: 'Total', width: 8 },
  { field: 'rank', zh: '排名', en: 'Rank', width: 8 },
  { field: 'notice', zh: '通报批评', en: 'Public notice', width: 10 },
];
/** Other headers a hand-made sheet may use. */
const ALIASES: Partial<Record<GradeField, string[]>> = {
  year: ['年份', '评定年度'],
  code: ['编码', 'code'],
  name: ['社区', 'community'],
  grade: ['评定等级', '等级评定'],
  total: ['得分', 'score'],
  rank: ['名次'],
  notice: ['通报', 'notice'],
};

const GRADE_WORDS: Record<RatingGradeValue, string[]> = {
  AAA: ['aaa', '3a'],
  AA: ['aa', '2a'],
  A: ['a', '1a'],
  none: ['无', 'none', '无等级', '不定级', '-', '—'],
};
const YES = ['是', 'yes', 'y', 'true', '1'];
const NO = ['否', 'no', 'n', 'false', '0', ''];

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** One data row as written in the file, before it is matched to a community and checked. */
export interface SheetGradeRow {
  row: number;
  year: number | null;
  code: string | null;
  name: string | null;
  grade: RatingGradeValue | null;
  total: number | null;
  rank: number | null;
  notice: boolean;
}

export type GradeSheet =
  | {
      ok: true;
      rows: SheetGradeRow[];
      errors: RatingGradeImportError[];
      header: Map<GradeField, string>;
    }
  | { ok: false; unreadable: true };

function cellText(v: ExcelJS.CellValue): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return cellText(v.richText.map((p) => p.text).join(''));
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return cellText(v.text);
    return '';
  }
  const s = String(v).trim();
  return s === '' ? null : s;
}

/** The template: the headers, and one example row per grade (to be replaced). */
export async function gradeTemplate(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Baitong';
  const sheet = book.addWorksheet('历年评定结果', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = GRADE_COLUMNS.map((c) => ({ header: c.zh, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  const help = book.addWorksheet('说明 Notes');
  help.columns = [{ width: 18 }, { width: 80 }];
  help.addRows([
    ['列 Column', '说明 Meaning'],
    ...GRADE_COLUMNS.map((c) => [`${c.zh} / ${c.en}`, columnHelp(c.field)]),
  ]);
  help.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}

function columnHelp(f: GradeField): string {
  switch (f) {
    case 'year':
      return '必填，评定年度，如 2021 · required, the rated year';
    case 'code':
      return '社区编码，或填写社区名称 · the community code, or give its name';
    case 'name':
      return '社区名称（无编码时用于匹配）· the community name (matched when no code is given)';
    case 'grade':
      return '必填：AAA、AA、A 或 无 · required: AAA, AA, A or none';
    case 'total':
      return '选填，总分 0–100 · optional, the total out of 100';
    case 'rank':
      return '选填，排名（正整数）· optional, the rank (a positive whole number)';
    case 'notice':
      return '选填：是 / 否（通报批评）· optional: yes / no (public notice)';
  }
}

/**
 * Reads every data row of the first sheet. Errors of a row's own cells (a grade that is not one,
 * a year that is not a number) are reported here; matching and the rules across rows are the
 * caller's (`checkGradeRows`).
 */
export async function readGradeSheet(bytes: Buffer, maxRows: number): Promise<GradeSheet> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, unreadable: true };
  }
  const sheet = book.worksheets[0];
  if (!sheet) return { ok: false, unreadable: true };
  const at = new Map<GradeField, number>();
  const header = new Map<GradeField, string>();
  sheet.getRow(1).eachCell((cell, col) => {
    const text = cellText(cell.value);
    if (!text) return;
    const c = GRADE_COLUMNS.find(
      (x) =>
        norm(x.zh) === norm(text) ||
        norm(x.en) === norm(text) ||
        (ALIASES[x.field] ?? []).some((a) => norm(a) === norm(text)),
    );
    if (c && !at.has(c.field)) {
      at.set(c.field, col);
      header.set(c.field, text);
    }
  });
  for (const c of GRADE_COLUMNS) if (!header.has(c.field)) header.set(c.field, c.zh);
  const errors: RatingGradeImportError[] = [];
  const missing = (f: GradeField, what: string) =>
    errors.push({ row: 1, column: header.get(f)!, code: 'required', message: what });
  if (!at.has('year')) missing('year', 'no column "年度" / "Year"');
  if (!at.has('grade')) missing('grade', 'no column "等级" / "Grade"');
  if (!at.has('code') && !at.has('name'))
    missing('code', 'no column "社区编码" / "Community code" nor "社区名称" / "Community name"');
  if (errors.length) return { ok: true, rows: [], errors, header };

  const rows: SheetGradeRow[] = [];
  let dataRows = 0;
  const last = sheet.actualRowCount > 0 ? sheet.rowCount : 1;
  for (let n = 2; n <= last; n++) {
    const row = sheet.getRow(n);
    const raw = (f: GradeField): ExcelJS.CellValue => {
      const col = at.get(f);
      return col ? row.getCell(col).value : null;
    };
    if (GRADE_COLUMNS.every((c) => cellText(raw(c.field)) === null)) continue;
    if (++dataRows > maxRows) {
      errors.push({
        row: n,
        column: header.get('year')!,
        code: 'too_many',
        message: `at most ${maxRows} rows in one file`,
      });
      break;
    }
    const fail = (f: GradeField, code: RatingGradeImportError['code'], message: string) =>
      errors.push({ row: n, column: header.get(f)!, code, message });

    const yearText = cellText(raw('year'));
    let year: number | null = null;
    if (yearText === null) fail('year', 'required', 'is required');
    else {
      const y = Number(yearText.replace(/年$/, ''));
      if (!Number.isInteger(y)) fail('year', 'not_an_integer', 'a year such as 2021');
      else if (y < 2000 || y > 2100) fail('year', 'too_small', 'a year from 2000');
      else year = y;
    }
    const gradeText = cellText(raw('grade'));
    let grade: RatingGradeValue | null = null;
    if (gradeText === null) fail('grade', 'required', 'is required: AAA, AA, A or 无 (none)');
    else {
      const g = (Object.keys(GRADE_WORDS) as RatingGradeValue[]).find((k) =>
        GRADE_WORDS[k].includes(norm(gradeText)),
      );
      if (g) grade = g;
      else fail('grade', 'not_one_of', `"${gradeText}" is not AAA, AA, A or 无 (none)`);
    }
    const num = (f: GradeField): number | null => {
      const v = raw(f);
      const s = cellText(v);
      if (s === null) return null;
      const x = typeof v === 'number' ? v : Number(s);
      if (!Number.isFinite(x)) {
        fail(f, 'not_a_number', 'must be a number');
        return null;
      }
      return x;
    };
    let total = num('total');
    if (total !== null && (total < 0 || total > 100)) {
      fail('total', total < 0 ? 'too_small' : 'too_large', 'a total from 0 to 100');
      total = null;
    }
    let rank = num('rank');
    if (rank !== null && (!Number.isInteger(rank) || rank < 1)) {
      fail('rank', 'not_an_integer', 'a rank is a whole number from 1');
      rank = null;
    }
    const noticeText = cellText(raw('notice')) ?? '';
    let notice = false;
    if (YES.includes(norm(noticeText))) notice = true;
    else if (!NO.includes(norm(noticeText)))
      fail('notice', 'not_a_boolean', '是 or 否 (yes, no), or empty');
    rows.push({
      row: n,
      year,
      code: cellText(raw('code')),
      name: cellText(raw('name')),
      grade,
      total: total === null ? null : Math.round(total * 100) / 100,
      rank,
      notice,
    });
  }
  return { ok: true, rows, errors, header };
}
