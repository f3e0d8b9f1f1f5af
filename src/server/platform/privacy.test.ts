import { describe, expect, it } from 'vitest';
import { idCheckDigit, isValidIdNumber, maskIdNumber, maskName, maskPhone, PHONE_RE } from './privacy.js';

// Check characters below were computed by hand from the GB 11643 weights (7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, mod 11
// into "10X98765432"), not with idCheckDigit, so the function is checked against the standard and not against itself.
describe('GB 11643 ID numbers', () => {
  it('accepts a number whose last digit is the right check digit', () => {
    expect(isValidIdNumber('110101199003074477')).toBe(true);
  });
  it('accepts the check character X (the standard’s own example)', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
  });
  it('computes the check character of the first 17 digits', () => {
    expect(idCheckDigit('11010519491231002')).toBe('X');
    expect(idCheckDigit('11010119900307447')).toBe('7');
    expect(idCheckDigit('11010520000229001')).toBe('3');
  });
  it('refuses every other check digit', () => {
    const others = '0123456789X'.split('').filter((c) => c !== '7');
    expect(others.filter((c) => isValidIdNumber(`11010119900307447${c}`))).toEqual([]);
  });
  it('refuses a lowercase x', () => {
    expect(isValidIdNumber('11010519491231002x')).toBe(false);
  });
  it('refuses a birth date that does not exist, even with a matching check digit', () => {
    expect(isValidIdNumber('110105199113310018')).toBe(false); // month 13
    expect(isValidIdNumber('11010519900230001X')).toBe(false); // 30 February
    expect(isValidIdNumber('110105190002290017')).toBe(false); // 1900 was not a leap year
  });
  it('accepts 29 February of a leap year and the first year allowed, 1900', () => {
    expect(isValidIdNumber('110105200002290013')).toBe(true);
    expect(isValidIdNumber('110105190002280011')).toBe(true);
  });
  it('refuses a birth year before 1900', () => {
    expect(isValidIdNumber('110105189912310015')).toBe(false);
  });
  it('refuses 17 or 19 characters and non-digits', () => {
    expect(isValidIdNumber('11010119900307447')).toBe(false);
    expect(isValidIdNumber('1101011990030744770')).toBe(false);
    expect(isValidIdNumber('11010119900307447 ')).toBe(false);
    expect(isValidIdNumber('1101011990030744A7')).toBe(false);
    expect(isValidIdNumber('')).toBe(false);
  });
});

describe('mainland mobile numbers', () => {
  it('accepts 11 digits starting 13 to 19', () => {
    expect(['13800000001', '19912345678'].map((p) => PHONE_RE.test(p))).toEqual([true, true]);
  });
  it('refuses 12, 10 digits, a second digit below 3 and a leading +86', () => {
    expect(['12800000001', '1380000000', '138000000012', '+8613800000001'].map((p) => PHONE_RE.test(p))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('masking', () => {
  it('masks the middle four digits of a phone', () => {
    expect(maskPhone('13800000001')).toBe('138****0001');
  });
  it('masks a phone of another length completely', () => {
    expect(maskPhone('12345')).toBe('*****');
  });
  it('keeps the first three and last four characters of an ID number', () => {
    expect(maskIdNumber('110101199003071234')).toBe('110***********1234');
    expect(maskIdNumber('1234567')).toBe('*******');
  });
  it('keeps the first and last character of a name of three or more', () => {
    expect(maskName('张小华')).toBe('张*华');
    expect(maskName('欧阳小华')).toBe('欧**华');
  });
  it('keeps only the surname of a two-character name, and nothing of one character', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('王')).toBe('*');
  });
});
