import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FieldCipher, hashToken, loadOrCreateSecret, randomToken } from './crypto.js';

const secret = Buffer.alloc(32, 7);

describe('FieldCipher encryption', () => {
  it('decrypts what it encrypted, Chinese and the empty string included', () => {
    const c = new FieldCipher(secret);
    for (const plain of ['13800000001', '张小华', '']) expect(c.decrypt(c.encrypt(plain))).toBe(plain);
  });
  it('seals as v1.<iv>.<tag>.<ciphertext> in base64url, a 12-byte IV and a 16-byte tag', () => {
    const parts = new FieldCipher(secret).encrypt('13800000001').split('.');
    expect(parts).toHaveLength(4);
    const [v, iv, tag, ct] = parts as [string, string, string, string];
    expect(v).toBe('v1');
    expect(Buffer.from(iv, 'base64url')).toHaveLength(12);
    expect(Buffer.from(tag, 'base64url')).toHaveLength(16);
    expect(Buffer.from(ct, 'base64url')).toHaveLength(11);
  });
  it('never gives the same ciphertext twice for the same value (random IV)', () => {
    const c = new FieldCipher(secret);
    expect(c.encrypt('13800000001')).not.toBe(c.encrypt('13800000001'));
  });
  it('refuses a tampered ciphertext', () => {
    const c = new FieldCipher(secret);
    const [v, iv, tag, ct] = c.encrypt('13800000001').split('.') as [string, string, string, string];
    const flipped = Buffer.from(ct, 'base64url');
    flipped.writeUInt8(flipped.readUInt8(0) ^ 1, 0);
    expect(() => c.decrypt([v, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
  });
  it('refuses a ciphertext sealed with another secret', () => {
    const sealed = new FieldCipher(secret).encrypt('13800000001');
    expect(() => new FieldCipher(Buffer.alloc(32, 8)).decrypt(sealed)).toThrow();
  });
  it('refuses an unknown format', () => {
    const c = new FieldCipher(secret);
    expect(() => c.decrypt('v2.a.b.c')).toThrow('unknown ciphertext format');
    expect(() => c.decrypt('13800000001')).toThrow('unknown ciphertext format');
  });
  it('passes null through the nullable variants', () => {
    const c = new FieldCipher(secret);
    expect(c.encryptNullable(null)).toBeNull();
    expect(c.encryptNullable(undefined)).toBeNull();
    expect(c.decryptNullable(null)).toBeNull();
    expect(c.decryptNullable(c.encryptNullable('张三'))).toBe('张三');
  });
});

describe('FieldCipher blind index', () => {
  it('is the same for the same kind and value, under the same secret', () => {
    expect(new FieldCipher(secret).blindIndex('phone', '13800000001')).toBe(
      new FieldCipher(Buffer.alloc(32, 7)).blindIndex('phone', '13800000001'),
    );
  });
  it('is a 256-bit keyed hash in base64url, not the value', () => {
    const h = new FieldCipher(secret).blindIndex('phone', '13800000001');
    expect(h).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(h).not.toContain('13800000001');
  });
  it('differs by kind, by value and by secret', () => {
    const h = new FieldCipher(secret).blindIndex('phone', '13800000001');
    expect(new FieldCipher(secret).blindIndex('id_number', '13800000001')).not.toBe(h);
    expect(new FieldCipher(secret).blindIndex('phone', '13800000002')).not.toBe(h);
    expect(new FieldCipher(Buffer.alloc(32, 8)).blindIndex('phone', '13800000001')).not.toBe(h);
  });
});

describe('tokens', () => {
  it('are random base64url strings of the requested bytes (32 by default)', () => {
    expect(randomToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken(16)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(randomToken()).not.toBe(randomToken());
  });
  it('are stored as their SHA-256 in base64url', () => {
    expect(hashToken('abc')).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
  });
});

describe('loadOrCreateSecret', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-secret-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('uses the configured hex secret and writes no file', () => {
    expect(loadOrCreateSecret('ab'.repeat(32), dir)).toEqual(Buffer.alloc(32, 0xab));
    expect(fs.readdirSync(dir)).toEqual([]);
  });
  it('creates DATA_DIR/secret.key (mode 600, 64 hex characters) on first start', () => {
    const key = loadOrCreateSecret(null, path.join(dir, 'data'));
    const file = path.join(dir, 'data', 'secret.key');
    expect(key).toHaveLength(32);
    expect(fs.readFileSync(file, 'utf8')).toBe(`${key.toString('hex')}\n`);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });
  it('reads the same key back on the next start', () => {
    const first = loadOrCreateSecret(null, dir);
    expect(loadOrCreateSecret(null, dir)).toEqual(first);
  });
  it('refuses a key file that is not 64 hex characters', () => {
    fs.writeFileSync(path.join(dir, 'secret.key'), 'not-a-key\n');
    expect(() => loadOrCreateSecret(null, dir)).toThrow(
      `${path.join(dir, 'secret.key')} is not a 64-hex-character key`,
    );
  });
});
