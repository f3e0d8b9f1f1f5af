// Pure rules of notifications: texts per locale, nearest staff, retry backoff.
import { describe, expect, it } from 'vitest';
import {
  hoursText,
  nearestHolders,
  renderNotice,
  retryDelayMs,
} from '../../src/server/modules/notifications/notifications.rules.js';

describe('notification rules', () => {
  it('renders a notice from its kind and parameters in both languages', () => {
    expect(renderNotice('need_status', { title: '买药', to: 'done', reason: null }, 'zh-CN')).toEqual({
      title: '您的需求有进展',
      body: '「买药」：已完成，请评价。',
    });
    expect(renderNotice('need_status', { title: '买药', to: 'done', reason: null }, 'en').body).toBe(
      '"买药": done — please rate it.',
    );
    expect(
      renderNotice(
        'activity_reminder',
        { title: '义诊', startsAt: '2026-11-26T01:00:00.000Z', address: '卫生站' },
        'zh-CN',
      ).body,
    ).toBe('「义诊」将于 2026-11-26 09:00 开始，地点：卫生站。别忘了签到。');
    expect(renderNotice('record_accepted', { title: '探访', minutes: 150 }, 'en').body).toBe(
      '2 h 30 min for "探访" accepted; points follow automatically.',
    );
    expect(renderNotice('no_such_kind', {}, 'zh-CN')).toEqual({ title: 'no_such_kind', body: '' });
  });

  it('says minutes as hours and minutes', () => {
    expect(hoursText(120, 'zh-CN')).toBe('2小时');
    expect(hoursText(45, 'zh-CN')).toBe('45分');
    expect(hoursText(0, 'en')).toBe('0 min');
  });

  it('picks the staff nearest to the item', () => {
    expect(
      nearestHolders([
        { userId: 'district', path: '/d/' },
        { userId: 'street', path: '/d/s/' },
        { userId: 'c1', path: '/d/s/c/' },
        { userId: 'c2', path: '/d/s/c/' },
        { userId: 'c1', path: '/d/s/c/' },
      ]),
    ).toEqual(['c1', 'c2']);
    expect(nearestHolders([{ userId: 'street', path: '/d/s/' }])).toEqual(['street']);
    expect(nearestHolders([])).toEqual([]);
  });

  it('backs off doubling, at most a day', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 60_000))).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(40, 60_000)).toBe(24 * 3600_000);
  });
});
