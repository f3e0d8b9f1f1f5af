// A month's settlement statement as a spreadsheet (zh-CN, the document the street's finance office files).
import { chinaDateTime } from '../../platform/clock.js';
import { addSheet, newWorkbook, toBuffer } from '../../platform/excel.js';
import { settlementFen } from './mall.rules.js';
import type { Statement } from './settlement.service.js';

/** The workbook of a statement and its file name. */
export async function statementWorkbook(s: Statement): Promise<{ file: Buffer; name: string }> {
  const wb = newWorkbook();
  const ws = addSheet(
    wb,
    '结算明细',
    [
      { header: '核销时间', key: 't', width: 18 },
      { header: '兑换内容', key: 'title', width: 28 },
      { header: '积分', key: 'p', width: 8 },
      { header: '结算金额（元）', key: 'yuan', width: 14 },
    ],
    s.lines.map((l) => ({
      t: chinaDateTime(l.redeemedAt),
      title: l.title,
      p: l.points,
      yuan: (settlementFen(l.points, s.fenPerPoint) / 100).toFixed(2),
    })),
  );
  ws.addRow({});
  ws.addRow({ title: `${s.merchantName} ${s.month} 结算单${s.closed ? '（已关账）' : '（未关账）'}` }).font = {
    bold: true,
  };
  ws.addRow({
    title: `核销 ${s.vouchers} 张，合计 ${s.points} 积分，每积分 ${(s.fenPerPoint / 100).toFixed(2)} 元，应付 ${(s.amountFen / 100).toFixed(2)} 元${s.fundName ? `，由${s.fundName}支付` : ''}`,
  });
  return { file: await toBuffer(wb), name: `${s.merchantName}-${s.month}-结算单.xlsx` };
}
