import { describe, expect, it } from 'vitest';
import { maySubmit, nextSuggestionState } from './suggestions.rules.js';

describe('suggestion rules', () => {
  it('answers open or answered suggestions and converts them once', () => {
    expect(nextSuggestionState('open', 'answer')).toBe('answered');
    expect(nextSuggestionState('answered', 'answer')).toBe('answered');
    expect(nextSuggestionState('answered', 'to_need')).toBe('to_need');
    expect(nextSuggestionState('open', 'to_project')).toBe('to_project');
    expect(nextSuggestionState('to_need', 'to_project')).toBeNull();
    expect(nextSuggestionState('to_project', 'answer')).toBeNull();
  });

  it('allows five suggestions a day, none within a minute of the last', () => {
    const now = new Date('2026-11-25T02:00:00Z');
    const ago = (ms: number) => new Date(now.getTime() - ms);
    expect(maySubmit([], now)).toBe(true);
    expect(maySubmit([ago(59_000)], now)).toBe(false);
    expect(maySubmit([ago(61_000)], now)).toBe(true);
    const four = [1, 2, 3, 4].map((h) => ago(h * 3600_000));
    expect(maySubmit(four, now)).toBe(true);
    expect(maySubmit([...four, ago(5 * 3600_000)], now)).toBe(false);
    expect(maySubmit([...four, ago(25 * 3600_000)], now)).toBe(true);
  });
});
