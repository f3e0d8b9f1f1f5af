// Validation and masking of personal data: mainland phone numbers, GB 11643 ID numbers, names.

export const PHONE_RE = /^1[3-9]\d{9}$/;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** True when an 18-character ID number has a valid birth date and GB 11643 check digit. */
export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  return idCheckDigit(id.slice(0, 17)) === id[17];
}

/** Computes the check character for the first 17 digits (used by demo data and tests). */
export function idCheckDigit(first17: string): string {
  const sum = ID_WEIGHTS.reduce((acc, weight, i) => acc + Number(first17[i]) * weight, 0);
  return ID_CHECK.charAt(sum % 11);
}

/** 13800000001 → 138****0001 */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '*'.repeat(phone.length);
}

/** 110101199003071234 → 110***********1234 */
export function maskIdNumber(id: string): string {
  return id.length > 7 ? `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}` : '*'.repeat(id.length);
}

/**
 * 张三 → 张*, 张小华 → 张*华, 欧阳小华 → 欧**华, 王 → *; Latin names keep each word's first letter:
 * John Smith → J*** S****, Li → L*. Empty → *.
 */
export function maskName(name: string): string {
  const trimmed = name.trim();
  if (/^[\p{Script=Latin}\s.'-]+$/u.test(trimmed) && /\s/.test(trimmed)) {
    return trimmed
      .split(/\s+/)
      .map((w) => maskWord(w))
      .join(' ');
  }
  if (/^\p{Script=Latin}/u.test(trimmed)) return maskWord(trimmed);
  const chars = Array.from(trimmed);
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** A Latin word keeps its first letter: Smith → S****, A → *. */
function maskWord(word: string): string {
  const chars = Array.from(word);
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/**
 * The one rule for naming a person where the public (or a list of many people) can see it — the public ledger,
 * year-summary rankings, the audit log: the masked real name when one is on file, else the masked nickname.
 * Never the unmasked real name.
 */
export function publicPersonName(realName: string | null | undefined, nickname: string | null | undefined): string {
  if (realName && realName.trim()) return maskName(realName);
  return maskName(nickname ?? '');
}
