// Password hashing with Argon2id (memory-hard), via a prebuilt native package.
import fs from 'node:fs';
import { hash, verify } from '@node-rs/argon2';

/**
 * 8 to 128 characters with letters and digits, or a passphrase of 16 characters or more (any characters, e.g.
 * 我家住在三号楼二单元门口) — long passphrases are stronger than short mixed ones and easier to remember.
 */
export const PASSWORD_RE = /^(?:(?=.*[A-Za-z])(?=.*\d).{8,128}|.{16,128})$/su;

let common: Set<string> | null = null;

/** The shipped list of common passwords (common-passwords.txt), read once. */
function commonPasswords(): Set<string> {
  common ??= new Set(
    fs
      .readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#')),
  );
  return common;
}

/**
 * Why a password that has the right shape is still refused: it is on the list of common passwords (compared
 * without case), or it contains the person's phone number. Null when it is fine. Message keys for field errors.
 */
export function passwordWeakness(
  password: string,
  phone: string | null,
): 'v.passwordCommon' | 'v.passwordPhone' | null {
  if (commonPasswords().has(password.toLowerCase())) return 'v.passwordCommon';
  if (phone && password.includes(phone)) return 'v.passwordPhone';
  return null;
}

// OWASP's Argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** Hashes a password into a self-describing PHC string. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Checks a password against a stored hash; false for a malformed hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;
/** A hash to verify against when the account does not exist, so timing does not reveal registered phones. */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('linli-dummy-password-1');
  return dummy;
}
