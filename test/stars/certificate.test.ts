// The certificate's star sentence and layout: no stars at all when none is held (never five grey ones), the held
// level otherwise; the PDF renders with many activity rows (page breaks) and the seal box.
import { describe, expect, it } from 'vitest';
import {
  type CertificateSnapshot,
  renderCertificate,
  starSentence,
} from '../../src/server/modules/records/certificates.service.js';

const snapshot = (over: Partial<CertificateSnapshot> = {}): CertificateSnapshot => ({
  certNo: 'LL20260000001',
  name: '王小明',
  idType: '居民身份证',
  idNumberMasked: '1101**********1234',
  volunteerNo: 'ZY2026000001',
  minutes: 6300,
  starLevel: 0,
  firstDate: '2026-01-05',
  lastDate: '2026-11-20',
  content: [{ category: '助老服务', times: 40, minutes: 6300 }],
  issuer: '甲社区居民委员会',
  districtName: '星级区',
  personInCharge: '李主任',
  handler: '李主任',
  contact: '13800000002',
  issuedAt: '2026-11-25T02:00:00.000Z',
  ...over,
});

describe('certificate star level and layout', () => {
  it('says nothing about stars when none is held, and the held level otherwise', () => {
    expect(starSentence(0)).toBe('');
    expect(starSentence(2)).toBe('，星级为 ★★（2星）');
    expect(starSentence(2)).not.toContain('☆');
  });

  it('renders a PDF with 120 activity rows over several pages', async () => {
    const activities = Array.from({ length: 120 }, (_, i) => ({
      date: `2026-${String((i % 11) + 1).padStart(2, '0')}-10`,
      title: `陪伴老人第${i + 1}次，一个很长很长的活动名称用来测试截断`,
      minutes: 90,
    }));
    const withRows = await renderCertificate(snapshot({ starLevel: 1, activities }), 'https://x/verify/1', {
      activities: true,
    });
    const without = await renderCertificate(snapshot({ starLevel: 1, activities }), 'https://x/verify/1');
    expect(withRows.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = (b: Buffer) => (b.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    expect(pages(without)).toBe(1);
    expect(pages(withRows)).toBeGreaterThan(1);
  });
});
