// The person's data as an .xlsx workbook: a contents sheet, then one sheet per section with every field as a column.
import { addSheet, newWorkbook, toBuffer } from '../../platform/excel.js';
import type { MyData } from './privacy.schemas.js';

/** Excel forbids : \ / ? * [ ] in sheet names and allows 31 characters; names must be unique. */
function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 28) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  taken.add(name);
  return name;
}

export async function myDataWorkbook(data: MyData): Promise<Buffer> {
  const wb = newWorkbook();
  const taken = new Set<string>(['目录']);
  addSheet(
    wb,
    '目录',
    [
      { header: '内容', key: 'title', width: 24 },
      { header: '键', key: 'key', width: 28 },
      { header: '条数', key: 'rows', width: 10 },
    ],
    [
      { title: `本人数据（用户 ${data.userId}，生成于 ${data.generatedAt}）`, key: '', rows: '' },
      ...data.sections.map((s) => ({ title: s.title, key: s.key, rows: s.rows.length })),
    ],
  );
  for (const s of data.sections) {
    const keys = [...new Set(s.rows.flatMap((r) => Object.keys(r)))];
    const columns =
      keys.length > 0 ? keys.map((k) => ({ header: k, key: k, width: 18 })) : [{ header: '（无）', key: 'none' }];
    addSheet(wb, sheetName(s.title, taken), columns, s.rows);
  }
  return toBuffer(wb);
}
