// Password hashing with Argon2id (memory-hard), via a prebuilt native package.
import { hash, verify } from '@node-rs/argon2';

export const PASSWORD_RE = /^(?=.*[A-Za-z])(?=.*\d).{8,64}$/;

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
