// Excel workbooks with exceljs: a styled header row, and reading the first sheet back as rows of strings.
import ExcelJS from 'exceljs';

export interface Column {
  header: string;
  key: string;
  width?: number;
}

/** Adds a sheet with a bold, frozen, filterable header row. */
export function addSheet(
  wb: ExcelJS.Workbook,
  name: string,
  columns: Column[],
  rows: Array<Record<string, unknown>>,
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 16 }));
  const header = ws.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8541E' } };
  header.alignment = { vertical: 'middle' };
  for (const r of rows) ws.addRow(r);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}

/** A new workbook stamped with the creator. */
export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'linli 邻里';
  wb.created = new Date();
  return wb;
}

/** Serialises a workbook. */
export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Reads the first sheet as rows of trimmed strings (row 1 = header); null when it is not a readable .xlsx. */
export async function readFirstSheet(data: Buffer): Promise<string[][] | null> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const ws = wb.worksheets[0];
  if (!ws) return null;
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      cells.push(cellText(row.getCell(c).value).trim());
    }
    rows[n - 1] = cells;
  });
  return Array.from(rows, (r) => r ?? []);
}

/** What a person sees in a cell: rich text joined, a hyperlink's text, a formula's result, an error's code. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v !== 'object') return String(v);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  // A hyperlink's text is typed string but Excel may store it as rich text.
  if ('hyperlink' in v) return cellText(v.text);
  if ('error' in v) return v.error;
  return cellText(v.result);
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A Content-Disposition value that keeps a Chinese file name (RFC 5987). */
export function attachmentName(name: string): string {
  return `attachment; filename="${encodeURIComponent(name).replace(/%/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
