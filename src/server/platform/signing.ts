// The installation's Ed25519 signing key (issue 14), built from the seed the secret derives (FieldCipher.signingSeed,
// HKDF with its own label): no key file to keep apart. It signs ledger heads (modules/ledger/ledger.signing.ts) and
// audit chain heads (platform/audit.chain.ts); the public key is published (getLedgerPublicKey).
import { createHash, createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import type { FieldCipher } from './crypto.js';

/** PKCS#8 DER of an Ed25519 private key is this prefix followed by the 32-byte seed (RFC 8410). */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The raw 32-byte public key. */
  raw: Buffer;
  /** First 16 hex characters of SHA-256 of the raw public key. */
  keyId: string;
}

const keys = new WeakMap<FieldCipher, SigningKey>();

/** The installation's signing key. */
export function signingKeyOf(cipher: FieldCipher): SigningKey {
  const cached = keys.get(cipher);
  if (cached) return cached;
  const privateKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, cipher.signingSeed()]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = createPublicKey(privateKey);
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const key = { privateKey, publicKey, raw, keyId: createHash('sha256').update(raw).digest('hex').slice(0, 16) };
  keys.set(cipher, key);
  return key;
}

/** Ed25519 signature (base64) of the message with the installation's key. */
export function signMessage(cipher: FieldCipher, message: Buffer): string {
  return sign(null, message, signingKeyOf(cipher).privateKey).toString('base64');
}

/** True when `signature` (base64) is the installation's over the message. */
export function signatureOk(cipher: FieldCipher, message: Buffer, signature: string): boolean {
  try {
    return verify(null, message, signingKeyOf(cipher).publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** A chain head (ledger or audit) as signed: the district's position and hash on a day, with the key and signature. */
export interface SignedChainHead {
  districtId: string;
  day: string;
  seq: number;
  hash: string;
  signedAt: string;
  keyId: string;
  signature: string;
}

export type UnsignedChainHead = Omit<SignedChainHead, 'keyId' | 'signature'>;

/** Signs a head with the installation's key over the bytes `message` makes of it. */
export function signHead(
  cipher: FieldCipher,
  unsigned: UnsignedChainHead,
  message: (h: UnsignedChainHead) => Buffer,
): SignedChainHead {
  return { ...unsigned, keyId: signingKeyOf(cipher).keyId, signature: signMessage(cipher, message(unsigned)) };
}

/** The stored row of a signed head (ledger_head_signatures and audit_head_signatures share the columns). */
export function headSignatureRow(h: SignedChainHead) {
  return {
    district_id: h.districtId,
    day: h.day,
    seq: h.seq,
    hash: h.hash,
    signed_at: h.signedAt,
    key_id: h.keyId,
    signature: h.signature,
  };
}
