// Keys that make a write safe to retry (points moves, orders, redemptions): made once per user action, sent again
// on every retry of it, so the server answers the first result and does nothing twice.

/**
 * A random UUID (v4). crypto.randomUUID exists only in secure contexts (https or localhost); a page opened over
 * plain http on an office or community network falls back to getRandomValues, which works everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // 16 random bytes with the version (4) in byte 6 and the variant (10xx) in byte 8.
  const bytes = [...crypto.getRandomValues(new Uint8Array(16))].map((x, i) =>
    i === 6 ? (x & 0x0f) | 0x40 : i === 8 ? (x & 0x3f) | 0x80 : x,
  );
  const h = bytes.map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
