// Field encryption (AES-256-GCM), blind indexes (HMAC) and random tokens, all keyed from one secret.
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir } from './files.js';

/** Loads the secret from config, or from DATA_DIR/secret.key, generating that file on first start. */
export function loadOrCreateSecret(configured: string | null, dataDir: string): Buffer {
  if (configured) return Buffer.from(configured, 'hex');
  const file = path.join(dataDir, 'secret.key');
  if (fs.existsSync(file)) {
    const hex = fs.readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error(`${file} is not a 64-hex-character key`);
    return Buffer.from(hex, 'hex');
  }
  ensurePrivateDir(dataDir);
  const key = randomBytes(32);
  // wx: never overwrite a key another process wrote a moment ago.
  try {
    fs.writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateSecret(null, dataDir);
    throw e;
  }
  return key;
}

/** Encrypts personal fields at rest and computes lookup hashes for them. */
export class FieldCipher {
  private readonly encKey: Buffer;
  private readonly indexKey: Buffer;
  private readonly signingKeySeed: Buffer;

  constructor(secret: Buffer) {
    this.encKey = Buffer.from(hkdfSync('sha256', secret, 'linli', 'field-encryption-v1', 32));
    this.indexKey = Buffer.from(hkdfSync('sha256', secret, 'linli', 'blind-index-v1', 32));
    this.signingKeySeed = Buffer.from(hkdfSync('sha256', secret, 'linli', 'ledger-head-signing-ed25519-v1', 32));
  }

  /**
   * The 32-byte seed of the installation's Ed25519 key that signs ledger heads (modules/ledger/ledger.signing.ts),
   * derived from the same secret under its own label: no second key file to keep or lose.
   */
  signingSeed(): Buffer {
    return Buffer.from(this.signingKeySeed);
  }

  /** Encrypts a string as `v1.<iv>.<tag>.<ciphertext>` (base64url). */
  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join(
      '.',
    );
  }

  /** Decrypts a value from encrypt(); throws if it was tampered with. */
  decrypt(sealed: string): string {
    const [version, iv, tag, ct] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || ct === undefined) throw new Error('unknown ciphertext format');
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  }

  encryptNullable(plain: string | null | undefined): string | null {
    return plain === null || plain === undefined ? null : this.encrypt(plain);
  }

  decryptNullable(sealed: string | null): string | null {
    return sealed === null ? null : this.decrypt(sealed);
  }

  /** A keyed hash for exact-match lookup (e.g. find a user by phone) without storing the value in clear. */
  blindIndex(kind: string, value: string): string {
    return createHmac('sha256', this.indexKey).update(`${kind}:${value}`).digest('base64url');
  }
}

/** A random URL-safe token. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** SHA-256 of a token, as stored server-side so a database leak does not leak live sessions. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
