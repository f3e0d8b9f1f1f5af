// What each module holds about one person, as it offers it for the person's own copy (PIPL right of access, issue 14):
// named sections of flat rows. Each module writes its part in <module>.personal.ts (`personalDataOf`); the privacy
// module collects them into JSON and an .xlsx workbook.
import type { FieldCipher } from './crypto.js';

export type PersonalValue = string | number | boolean | null;
export type PersonalRow = Record<string, PersonalValue>;

export interface PersonalSection {
  /** Stable key of the section in the JSON export, e.g. "ledger.journals". */
  key: string;
  /** Sheet and heading name in Chinese, e.g. 积分流水. */
  title: string;
  rows: PersonalRow[];
}

const SECRET_COLUMN = /(^|_)(secret|token|hash|csrf|password|index)(_|$)/;

/**
 * A stored row as the person receives it: snake_case keys become camelCase; `x_enc` columns are decrypted to `x`
 * (the person's own data, for themself); secrets (hashes, tokens, blind indexes) and the listed columns are left out.
 */
export function personalRow(
  cipher: FieldCipher,
  row: Record<string, unknown>,
  omit: readonly string[] = [],
): PersonalRow {
  const out: PersonalRow = {};
  for (const [column, value] of Object.entries(row)) {
    if (omit.includes(column) || SECRET_COLUMN.test(column)) continue;
    let key = column;
    let v: unknown = value;
    if (column.endsWith('_enc')) {
      key = column.slice(0, -'_enc'.length);
      v = typeof value === 'string' ? decryptOrBlank(cipher, value) : null;
    }
    out[camel(key)] = toValue(v);
  }
  return out;
}

function decryptOrBlank(cipher: FieldCipher, sealed: string): string {
  try {
    return cipher.decrypt(sealed);
  } catch {
    return '';
  }
}

function camel(s: string): string {
  return s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function toValue(v: unknown): PersonalValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v);
}
