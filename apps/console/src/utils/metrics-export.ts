import type { ExportCell, ExportColumn } from '@/utils/metrics';
import { saveBlob } from '@/utils/download';

const NUMBER_FORMATS: Record<ExportColumn['format'], string | undefined> = {
  percent: '0.00%',
  integer: '#,##0',
  decimal: '0.0',
  text: undefined,
};

/**
 * Writes the table as an xlsx workbook and hands it to the browser. exceljs is loaded only when
 * someone exports: it is the size of the rest of the console together.
 */
export async function downloadXlsx(
  table: { columns: ExportColumn[]; rows: ExportCell[][] },
  options: { sheet: string; filename: string; title: string },
): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(options.sheet, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }],
  });
  sheet.addRow([options.title]).font = { bold: true };
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  // Values stay numbers (a share as 0.95 shown as 95.00 %), so the bureau can compute with them;
  // an unknown figure is an empty cell, never 0.
  for (const row of table.rows) sheet.addRow(row.map((v) => (v === null ? null : v)));
  table.columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = i === 0 ? 18 : c.format === 'text' ? 14 : 12;
    const numFmt = NUMBER_FORMATS[c.format];
    if (numFmt) column.numFmt = numFmt;
  });
  const buffer = await book.xlsx.writeBuffer();
  saveBlob(
    new Blob([buffer], {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    }),
    options.filename,
  );
}
