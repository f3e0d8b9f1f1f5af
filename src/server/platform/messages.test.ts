import { describe, expect, it } from 'vitest';
import { ERROR_TEXTS, translate } from './messages.js';

describe('translate', () => {
  it('names a list of org kinds in Chinese, joined by 或', () => {
    const text = translate(ERROR_TEXTS, 'ROLE_NODE_KIND', 'zh-CN', {
      role: 'grid_worker',
      kinds: ['community', 'grid'],
    });
    expect(text).toBe('“网格员”角色只能授予在社区或网格上');
  });
  it('names a list of org kinds in English, joined by "or"', () => {
    const text = translate(ERROR_TEXTS, 'ROLE_NODE_KIND', 'en', { role: 'grid_worker', kinds: ['community', 'grid'] });
    expect(text).toBe('The role "Grid worker" can only be granted on a community or grid');
  });
  it('joins any other list with 、', () => {
    expect(translate({ k: { zh: '缺少：{items}', en: 'Missing: {items}' } }, 'k', 'zh-CN', { items: ['a', 'b'] })).toBe(
      '缺少：a、b',
    );
  });
});
