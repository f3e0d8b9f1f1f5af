import { describe, expect, it } from 'vitest';
import { fieldIssues } from './errors';

describe('fieldIssues', () => {
  it('reads the server error shape details: [{field, message}]', () => {
    expect(
      fieldIssues([
        { field: 'name', message: '名称需为 1–50 个字' },
        { field: 'code', message: '统计用区划代码须为 12 位数字' },
      ]),
    ).toEqual([
      { name: 'name', message: '名称需为 1–50 个字' },
      { name: 'code', message: '统计用区划代码须为 12 位数字' },
    ]);
  });

  it('answers no issues for details that are not a list (null, an object)', () => {
    expect(fieldIssues(null)).toEqual([]);
    expect(fieldIssues({ fields: { name: 'x' } })).toEqual([]);
  });

  it('skips entries without a field name or a text message', () => {
    expect(
      fieldIssues([{ field: '', message: 'x' }, { field: 'name' }, null, { field: 'slots', message: '至少 1 人' }]),
    ).toEqual([{ name: 'slots', message: '至少 1 人' }]);
  });
});
