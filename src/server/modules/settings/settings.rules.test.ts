import { describe, expect, it } from 'vitest';
import {
  checkNeedSettings,
  checkVolunteering,
  DEFAULT_NEED_SETTINGS,
  DEFAULT_VOLUNTEERING,
  starLevel,
} from './settings.rules.js';

const withStars = (starThresholdsHours: number[]) => ({ ...DEFAULT_VOLUNTEERING, starThresholdsHours });
const HOUR = 60;

describe('volunteering settings check', () => {
  it('accepts the defaults', () => {
    expect(checkVolunteering(DEFAULT_VOLUNTEERING)).toBeNull();
  });
  it('keeps the national star thresholds 100/300/600/1000/1500 hours as the default', () => {
    expect(DEFAULT_VOLUNTEERING.starThresholdsHours).toEqual([100, 300, 600, 1000, 1500]);
  });
  it('needs exactly five thresholds', () => {
    expect(checkVolunteering(withStars([100, 300, 600, 1000]))).toBe('thresholds');
    expect(checkVolunteering(withStars([100, 300, 600, 1000, 1500, 2000]))).toBe('thresholds');
  });
  it('needs strictly increasing thresholds', () => {
    expect(checkVolunteering(withStars([100, 300, 300, 1000, 1500]))).toBe('thresholds');
    expect(checkVolunteering(withStars([100, 600, 300, 1000, 1500]))).toBe('thresholds');
    expect(checkVolunteering(withStars([1, 2, 3, 4, 5]))).toBeNull();
  });
  it('needs positive whole hours', () => {
    expect(checkVolunteering(withStars([0, 300, 600, 1000, 1500]))).toBe('thresholds');
    expect(checkVolunteering(withStars([-1, 300, 600, 1000, 1500]))).toBe('thresholds');
    expect(checkVolunteering(withStars([100.5, 300, 600, 1000, 1500]))).toBe('thresholds');
  });
  it('needs at least one skill and no skill twice', () => {
    expect(checkVolunteering({ ...DEFAULT_VOLUNTEERING, skills: [] })).toBe('skills');
    expect(checkVolunteering({ ...DEFAULT_VOLUNTEERING, skills: ['医护', '法律', '医护'] })).toBe('skills');
    expect(checkVolunteering({ ...DEFAULT_VOLUNTEERING, skills: ['医护'] })).toBeNull();
  });
  it('reports the thresholds first when both are wrong', () => {
    expect(checkVolunteering({ ...withStars([1]), skills: [] })).toBe('thresholds');
  });
});

describe('star level', () => {
  const t = DEFAULT_VOLUNTEERING.starThresholdsHours;

  it('is 0 with no hours and one minute short of 100 hours', () => {
    expect(starLevel(0, t)).toBe(0);
    expect(starLevel(100 * HOUR - 1, t)).toBe(0);
  });
  it('reaches each star at exactly its threshold', () => {
    expect([100, 300, 600, 1000, 1500].map((h) => starLevel(h * HOUR, t))).toEqual([1, 2, 3, 4, 5]);
    expect([300, 600, 1000, 1500].map((h) => starLevel(h * HOUR - 1, t))).toEqual([1, 2, 3, 4]);
  });
  it('stops at five stars', () => {
    expect(starLevel(100_000 * HOUR, t)).toBe(5);
  });
  it('never skips a level: each star needs the one before', () => {
    expect(starLevel(150 * HOUR, [200, 100, 300, 400, 500])).toBe(0);
  });
});

describe('need settings', () => {
  it('has 12 default categories with unique keys and names', () => {
    expect(DEFAULT_NEED_SETTINGS.categories).toHaveLength(12);
    expect(checkNeedSettings(DEFAULT_NEED_SETTINGS)).toBeNull();
  });
  it('refuses an empty list, a key twice or a name twice', () => {
    expect(checkNeedSettings({ categories: [] })).toBe('need_categories');
    const a = { key: 'a', name: '甲', skills: [] };
    expect(checkNeedSettings({ categories: [a, { ...a, name: '乙' }] })).toBe('need_categories');
    expect(checkNeedSettings({ categories: [a, { ...a, key: 'b' }] })).toBe('need_categories');
    expect(checkNeedSettings({ categories: [a, { key: 'b', name: '乙', skills: ['医护'] }] })).toBeNull();
  });
});
