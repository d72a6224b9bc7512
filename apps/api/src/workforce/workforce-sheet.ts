import type {
  WorkforceImportError,
  WorkerCertificateLevel,
  WorkerEducation,
  WorkerGender,
} from '@baitong/contracts';
import ExcelJS from 'exceljs';
import type { EntryRow, WorkforceFacts, WorkforceRecord } from './workforce.repository';
import { WORKER_NUMBER, recordProblems } from './workforce-rules';

export type SheetLanguage = 'zh-CN' | 'en';

type Field =
  | 'workerNumber'
  | 'name'
  | 'gender'
  | 'birthDate'
  | 'hiredOn'
  | 'leftOn'
  | 'leaveReason'
  | 'position'
  | 'certified'
  | 'certificateLevel'
  | 'education'
  | 'monthlyPayYuan'
  | 'effectiveOn';

interface Column {
  field: Field;
  zh: string;
  en: string;
  width: number;
  required: boolean;
}

/** The roster sheet: the export writes these headers, the import finds columns by them (either language). */
const COLUMNS: Column[] = [
  { field: 'workerNumber', zh: '工号', en: 'Worker number', width: 12, required: true },
  { field: 'name', zh: '姓名', en: 'Name', width: 12, required: true },
  { field: 'gender', zh: '性别', en: 'Gender', width: 8, required: false },
  { field: 'birthDate', zh: '出生日期', en: 'Date of birth', width: 12, required: true },
  { field: 'hiredOn', zh: '入职日期', en: 'Hired on', width: 12, required: true },
  { field: 'leftOn', zh: '离职日期', en: 'Left on', width: 12, required: false },
  { field: 'leaveReason', zh: '离职原因', en: 'Reason for leaving', width: 20, required: false },
  { field: 'position', zh: '岗位', en: 'Position', width: 16, required: true },
  { field: 'certified', zh: '社工证', en: 'Certified social worker', width: 10, required: true },
  // Optional: files written before the level was kept have no such column (see the import).
  {
    field: 'certificateLevel',
    zh: '证书等级',
    en: 'Certificate level',
    width: 16,
    required: false,
  },
  { field: 'education', zh: '学历', en: 'Highest degree', width: 14, required: true },
  {
    field: 'monthlyPayYuan',
    zh: '月薪（元）',
    en: 'Monthly pay (yuan)',
    width: 12,
    required: true,
  },
  { field: 'effectiveOn', zh: '生效日期', en: 'Effective from', width: 12, required: false },
];

const GENDER_WORDS: Record<WorkerGender, [string, string]> = {
  female: ['女', 'female'],
  male: ['男', 'male'],
};
const EDUCATION_WORDS: Record<WorkerEducation, [string, string]> = {
  below_bachelor: ['本科以下', 'Below bachelor'],
  bachelor: ['本科', 'Bachelor'],
  master_or_above: ['硕士及以上', 'Master or above'],
};
/** The export writes the first two; the import also takes the grade words (初级, 中级, 高级). */
const LEVEL_WORDS: Record<WorkerCertificateLevel, string[]> = {
  assistant: ['助理社会工作师', 'Assistant social worker', '初级', '助理', 'assistant'],
  intermediate: ['社会工作师', 'Social worker', '中级', 'intermediate'],
  senior: ['高级社会工作师', 'Senior social worker', '高级', 'senior'],
};
const YES = ['是', 'yes', 'y', 'true', '1', '有'];
const NO = ['否', 'no', 'n', 'false', '0', '无'];

const word = (pair: [string, string], lang: SheetLanguage) => pair[lang === 'en' ? 1 : 0];
const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** The roster as one sheet, in the language asked; re-importing it changes nothing. */
export async function rosterWorkbook(entries: EntryRow[], lang: SheetLanguage): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Baitong';
  const sheet = book.addWorksheet(lang === 'en' ? 'Roster' : '社区工作者名册', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = COLUMNS.map((c) => ({ header: lang === 'en' ? c.en : c.zh, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const e of entries)
    // Dates as text: a date cell would carry a time zone the reader's Excel may shift.
    sheet.addRow([
      e.workerNumber,
      e.name,
      e.gender ? word(GENDER_WORDS[e.gender], lang) : '',
      e.birthDate,
      e.hiredOn,
      e.leftOn ?? '',
      e.leaveReason ?? '',
      e.position,
      word(e.certified ? ['是', 'yes'] : ['否', 'no'], lang),
      e.certificateLevel ? LEVEL_WORDS[e.certificateLevel][lang === 'en' ? 1 : 0] : '',
      word(EDUCATION_WORDS[e.education], lang),
      e.monthlyPayYuan,
      e.factsEffectiveOn,
    ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** One data row of an import, checked. */
export interface ImportRow extends WorkforceRecord, Omit<WorkforceFacts, 'certificateLevel'> {
  row: number;
  workerNumber: string;
  effectiveOn: string | null;
  /** undefined: the file has no certificate-level column; null: the cell is empty. */
  certificateLevel: WorkerCertificateLevel | null | undefined;
}

export type ParseResult =
  | { ok: true; rows: ImportRow[] }
  | { ok: false; errors: WorkforceImportError[] }
  | { ok: false; unreadable: true };

/** A cell's value as text (dates as YYYY-MM-DD), or null when empty. */
function cellText(v: ExcelJS.CellValue): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return cellText(v.richText.map((p) => p.text).join(''));
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return cellText(v.text);
    if ('error' in v) return '';
    return '';
  }
  const s = String(v).trim();
  return s === '' ? null : s;
}

/** A date cell or text; Excel's day serial numbers too (a typed date it did not format). */
function dayOf(v: ExcelJS.CellValue): string | null {
  if (typeof v === 'number' && v > 0 && v < 2_958_466) {
    const ms = Math.round((v - 25569) * 86_400_000);
    return new Date(ms).toISOString().slice(0, 10);
  }
  const s = cellText(v);
  if (s === null) return null;
  // 2026/3/5 and 2026.3.5 as written by hand.
  const m = /^(\d{4})[./-](\d{1,2})[./-](\d{1,2})$/.exec(s);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : s;
}

/**
 * Reads and checks every row of the first sheet; any error refuses the whole file, each error
 * naming its sheet row and the column's header as written in the file.
 */
export async function parseRoster(
  bytes: Buffer,
  today: string,
  maxRows: number,
): Promise<ParseResult> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, unreadable: true };
  }
  const sheet = book.worksheets[0];
  if (!sheet) return { ok: false, unreadable: true };
  const errors: WorkforceImportError[] = [];
  const at = new Map<Field, number>();
  const header = new Map<Field, string>();
  sheet.getRow(1).eachCell((cell, col) => {
    const text = cellText(cell.value);
    if (!text) return;
    const c = COLUMNS.find((x) => norm(x.zh) === norm(text) || norm(x.en) === norm(text));
    if (c && !at.has(c.field)) {
      at.set(c.field, col);
      header.set(c.field, text);
    }
  });
  for (const c of COLUMNS)
    if (c.required && !at.has(c.field))
      errors.push({
        row: 1,
        column: c.zh,
        code: 'required',
        message: `no column "${c.zh}" / "${c.en}"`,
      });
  if (errors.length) return { ok: false, errors };

  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  let dataRows = 0;
  const last = sheet.actualRowCount > 0 ? sheet.rowCount : 1;
  for (let n = 2; n <= last; n++) {
    const row = sheet.getRow(n);
    const raw = (f: Field): ExcelJS.CellValue => {
      const col = at.get(f);
      return col ? row.getCell(col).value : null;
    };
    if (COLUMNS.every((c) => cellText(raw(c.field)) === null)) continue;
    if (++dataRows > maxRows) {
      errors.push({
        row: n,
        column: header.get('workerNumber')!,
        code: 'too_many',
        message: `at most ${maxRows} rows in one file`,
      });
      break;
    }
    const problems: { field: Field; code: WorkforceImportError['code']; message: string }[] = [];
    const num = cellText(raw('workerNumber'));
    if (!num) problems.push({ field: 'workerNumber', code: 'required', message: 'is required' });
    else if (!WORKER_NUMBER.test(num))
      problems.push({
        field: 'workerNumber',
        code: 'invalid_code',
        message: 'letters, digits, - or _, at most 32',
      });
    else if (seen.has(num))
      problems.push({
        field: 'workerNumber',
        code: 'duplicate',
        message: `the same worker number as row ${seen.get(num)}`,
      });
    else seen.set(num, n);

    const genderText = cellText(raw('gender'));
    let gender: WorkerGender | null = null;
    if (genderText) {
      const g = (Object.keys(GENDER_WORDS) as WorkerGender[]).find((k) =>
        GENDER_WORDS[k].some((w) => norm(w) === norm(genderText)),
      );
      if (g) gender = g;
      else
        problems.push({ field: 'gender', code: 'not_one_of', message: '男 or 女 (male, female)' });
    }
    const certText = cellText(raw('certified'));
    let certified = false;
    if (certText === null)
      problems.push({ field: 'certified', code: 'required', message: 'is required' });
    else if (YES.includes(norm(certText))) certified = true;
    else if (!NO.includes(norm(certText)))
      problems.push({ field: 'certified', code: 'not_a_boolean', message: '是 or 否 (yes, no)' });
    const levelText = cellText(raw('certificateLevel'));
    let certificateLevel: WorkerCertificateLevel | null | undefined = at.has('certificateLevel')
      ? null
      : undefined;
    if (levelText !== null) {
      const l = (Object.keys(LEVEL_WORDS) as WorkerCertificateLevel[]).find((k) =>
        LEVEL_WORDS[k].some((w) => norm(w) === norm(levelText)),
      );
      if (l) certificateLevel = l;
      else
        problems.push({
          field: 'certificateLevel',
          code: 'not_one_of',
          message: '助理社会工作师, 社会工作师 or 高级社会工作师 (or empty)',
        });
    }
    const eduText = cellText(raw('education'));
    let education = '' as WorkerEducation;
    if (eduText === null)
      problems.push({ field: 'education', code: 'required', message: 'is required' });
    else {
      const e = (Object.keys(EDUCATION_WORDS) as WorkerEducation[]).find(
        (k) => k === eduText || EDUCATION_WORDS[k].some((w) => norm(w) === norm(eduText)),
      );
      if (e) education = e;
      else
        problems.push({
          field: 'education',
          code: 'not_one_of',
          message: '本科以下, 本科 or 硕士及以上',
        });
    }
    const payRaw = raw('monthlyPayYuan');
    const payText = cellText(payRaw);
    let pay = Number.NaN;
    if (payText === null)
      problems.push({ field: 'monthlyPayYuan', code: 'required', message: 'is required' });
    else {
      pay = typeof payRaw === 'number' ? payRaw : Number(payText.replace(/,/g, ''));
      if (!Number.isFinite(pay))
        problems.push({
          field: 'monthlyPayYuan',
          code: 'not_a_number',
          message: 'must be a number',
        });
    }
    const required = (f: Field, v: string | null) => {
      if (v === null) problems.push({ field: f, code: 'required', message: 'is required' });
      return v;
    };
    const birthDate = required('birthDate', dayOf(raw('birthDate')));
    const hiredOn = required('hiredOn', dayOf(raw('hiredOn')));
    const record: ImportRow = {
      row: n,
      workerNumber: num ?? '',
      name: cellText(raw('name')) ?? '',
      gender,
      birthDate: birthDate ?? '',
      hiredOn: hiredOn ?? '',
      leftOn: dayOf(raw('leftOn')),
      leaveReason: cellText(raw('leaveReason')),
      position: cellText(raw('position')) ?? '',
      certified,
      certificateLevel,
      education,
      monthlyPayYuan: pay,
      effectiveOn: dayOf(raw('effectiveOn')),
    };
    const reported = new Set(problems.map((p) => p.field));
    for (const p of recordProblems(
      {
        ...record,
        birthDate: birthDate ?? null!,
        hiredOn: hiredOn ?? null!,
        // Already reported as missing or not one of the list: not twice.
        education: education || 'bachelor',
        // A 社工证 cell already refused: its level is not refused a second time for it.
        certificateLevel: reported.has('certified') ? null : (certificateLevel ?? null),
        monthlyPayYuan: Number.isFinite(pay) ? pay : 0,
      },
      today,
      record.effectiveOn,
    ))
      if (!reported.has(p.field as Field)) problems.push({ ...p, field: p.field as Field });
    for (const p of problems)
      errors.push({
        row: n,
        column: header.get(p.field) ?? COLUMNS.find((c) => c.field === p.field)!.zh,
        code: p.code,
        message: p.message,
      });
    if (problems.length === 0) rows.push(record);
  }
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}
