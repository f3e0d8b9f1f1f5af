import { describe, expect, it } from 'vitest';
import { idCheckDigit, isValidIdNumber, maskIdNumber, maskName, maskPhone } from './privacy.js';

describe('GB 11643 ID numbers', () => {
  it('accepts a number with the right check digit, including X', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('110101199003074477')).toBe(isValidIdNumber('110101199003074477'));
    const first17 = '42010219800101001';
    expect(isValidIdNumber(first17 + idCheckDigit(first17))).toBe(true);
  });
  it('refuses a wrong check digit, a bad date, a wrong length', () => {
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('11010519491331002X')).toBe(false);
    expect(isValidIdNumber('11010519490230002X'.slice(0, 17) + idCheckDigit('11010519490230002'))).toBe(false);
    expect(isValidIdNumber('1101051949123100')).toBe(false);
    expect(isValidIdNumber('11010519491231002x')).toBe(false);
  });
});

describe('masking', () => {
  it('masks phones, ID numbers and names as lists show them', () => {
    expect(maskPhone('13800000001')).toBe('138****0001');
    expect(maskIdNumber('110101199003071234')).toBe('110***********1234');
    expect(maskName('张小华')).toBe('张*华');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳小华')).toBe('欧**华');
    expect(maskName('王')).toBe('*');
  });
});
