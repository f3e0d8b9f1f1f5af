// Client-side checks for account forms. They only catch typos early; the server has the final word.
import type { MessageKey } from '../../i18n';

export const PHONE_PATTERN = /^1\d{10}$/;
export const ID_NUMBER_PATTERN = /^\d{17}[\dXx]$/;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
/** A passphrase this long needs no digit or letter mix (the server's rule, platform/passwords.ts). */
export const PASSPHRASE_MIN = 16;
export const DISPLAY_NAME_MAX = 20;
export const REAL_NAME_MAX = 30;

/** The message key for a bad phone number, or null when it looks right. */
export function checkPhone(value: string | undefined): MessageKey | null {
  if (!value) return 'err.phoneRequired';
  return PHONE_PATTERN.test(value) ? null : 'err.phoneFormat';
}

/** The message key for an unacceptable new password, or null. */
export function checkNewPassword(value: string | undefined): MessageKey | null {
  if (!value) return 'err.passwordRequired';
  if (value.length < PASSWORD_MIN) return 'err.passwordShort';
  if (value.length > PASSWORD_MAX) return 'err.passwordLong';
  // Same rule as the server (platform/passwords.ts): a letter and a digit, unless it is a long passphrase. The
  // server also refuses common passwords and ones containing the phone number, and says so on the field.
  if (value.length < PASSPHRASE_MIN && (!/[A-Za-z]/.test(value) || !/\d/.test(value))) return 'err.passwordWeak';
  return null;
}

/** The message key for a bad display name, or null. */
export function checkDisplayName(value: string | undefined): MessageKey | null {
  const trimmed = value?.trim() ?? '';
  if (!trimmed) return 'err.displayNameRequired';
  return [...trimmed].length > DISPLAY_NAME_MAX ? 'err.displayNameLong' : null;
}

/** The message key for an ID number that cannot be right (length/characters); the checksum is the server's. */
export function checkIdNumber(value: string | undefined): MessageKey | null {
  if (!value) return null;
  return ID_NUMBER_PATTERN.test(value.trim()) ? null : 'err.idNumberFormat';
}
