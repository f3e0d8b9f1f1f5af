import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { decodeCursor, encodeCursor, toPage } from './pagination.js';

describe('cursors', () => {
  it('encode a sort key as base64url and decode it back', () => {
    expect(encodeCursor('01JABC')).toBe('MDFKQUJD');
    expect(decodeCursor('MDFKQUJD')).toBe('01JABC');
  });
  it('round-trip keys with slashes and Chinese', () => {
    const key = '/01J/甲社区/?+=';
    expect(decodeCursor(encodeCursor(key))).toBe(key);
    expect(encodeCursor(key)).toMatch(/^[A-Za-z0-9_-]+$/);
  });
  it('treat a missing or empty cursor as the first page', () => {
    expect(decodeCursor(undefined)).toBeNull();
    expect(decodeCursor('')).toBeNull();
  });
  it('refuse a malformed cursor as bad input on the cursor field', () => {
    for (const bad of ['%%%', 'YR', 'YQ==', 'a']) {
      let thrown: unknown = null;
      try {
        decodeCursor(bad);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(AppError);
      expect(thrown).toMatchObject({
        code: 'VALIDATION_FAILED',
        status: 400,
        details: [{ field: 'cursor', message: 'v.cursor' }],
      });
    }
  });
});

describe('toPage', () => {
  const rows = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
  const key = (r: { id: string }) => r.id;
  const upper = (r: { id: string }) => r.id.toUpperCase();

  it('keeps `limit` rows and points the cursor at the last kept row when one more was fetched', () => {
    expect(toPage(rows, 3, key, upper)).toEqual({ items: ['A', 'B', 'C'], nextCursor: encodeCursor('c') });
  });
  it('has no next page when exactly `limit` rows came back', () => {
    expect(toPage(rows.slice(0, 3), 3, key, upper)).toEqual({ items: ['A', 'B', 'C'], nextCursor: null });
  });
  it('has no next page when fewer rows came back, or none', () => {
    expect(toPage(rows.slice(0, 1), 3, key, upper)).toEqual({ items: ['A'], nextCursor: null });
    expect(toPage([], 3, key, upper)).toEqual({ items: [], nextCursor: null });
  });
  it('gives a cursor that decodes to the key of the last item', () => {
    expect(decodeCursor(toPage(rows, 2, key, upper).nextCursor!)).toBe('b');
  });
});
