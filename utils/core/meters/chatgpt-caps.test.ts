import { describe, expect, it } from 'vitest';
import { CHATGPT_PLAN_DEFAULTS, effectiveCaps, modelKeyFromLabel, modelMatches, parseModelKey } from '@/utils/core/meters/chatgpt-caps';

describe('ChatGPT cap model keys', () => {
  it('parse family, version and variant', () => {
    expect(parseModelKey('gpt-5.5-thinking')).toEqual({ family: 'gpt-5', version: '5.5', variant: 'thinking' });
    expect(parseModelKey('gpt-5')).toEqual({ family: 'gpt-5', version: null, variant: '' });
    expect(parseModelKey('gpt-5.6-sol-pro')).toEqual({ family: 'gpt-5', version: '5.6', variant: 'sol-pro' });
    expect(parseModelKey('gpt-4o')).toEqual({ family: 'gpt-4o', version: null, variant: '' });
  });

  it('count the everyday model under "gpt-5", Thinking and mini apart', () => {
    for (const model of ['gpt-5', 'gpt-5.5', 'gpt-5.5-instant', 'gpt-5-chat-latest']) expect(modelMatches('gpt-5', model)).toBe(true);
    for (const model of ['gpt-5.5-thinking', 'gpt-5-mini', 'gpt-4o', 'gpt-6', 'o3']) expect(modelMatches('gpt-5', model)).toBe(false);
    expect(modelMatches('gpt-5-thinking', 'gpt-5.5-thinking')).toBe(true);
  });

  it('shared allowances and pinned versions', () => {
    const shared = 'gpt-6-pro|gpt-5.6-sol-pro';
    expect(modelMatches(shared, 'gpt-6-pro')).toBe(true);
    expect(modelMatches(shared, 'gpt-5.6-sol-pro')).toBe(true);
    expect(modelMatches(shared, 'gpt-5.5-pro')).toBe(false);
    expect(modelMatches(shared, 'gpt-6')).toBe(false);
  });

  it('read the model a limit notice names', () => {
    expect(modelKeyFromLabel('GPT-5 Thinking')).toBe('gpt-5-thinking');
    expect(modelKeyFromLabel('GPT-4o')).toBe('gpt-4o');
    expect(modelKeyFromLabel('GPT 5.5 Pro')).toBe('gpt-5.5-pro');
    expect(modelKeyFromLabel('o3')).toBe('o3');
    expect(modelKeyFromLabel('the default model')).toBeNull();
  });
});

describe('ChatGPT plan defaults', () => {
  it('every default says where it came from and when, with a sane window and cap', () => {
    for (const plan of Object.values(CHATGPT_PLAN_DEFAULTS)) {
      expect(plan.caps.length).toBeGreaterThan(0);
      for (const cap of plan.caps) {
        expect(cap.source).toMatch(/\S{8,}/);
        expect(cap.seen).toMatch(/^20\d\d-(0[1-9]|1[0-2])$/);
        expect(cap.hours).toBeGreaterThan(0);
        expect(cap.hours).toBeLessThanOrEqual(30 * 24);
        expect(Number.isInteger(cap.cap) && cap.cap > 0).toBe(true);
        expect(cap.model).toMatch(/^[a-z0-9.|-]+$/);
      }
    }
  });

  it('effective caps: none has none, custom is the user’s own', () => {
    expect(effectiveCaps('none', [{ model: 'gpt-5', hours: 3, cap: 1 }])).toEqual([]);
    expect(effectiveCaps('custom', [{ model: 'gpt-5', hours: 3, cap: 1 }])).toEqual([{ model: 'gpt-5', hours: 3, cap: 1 }]);
    expect(effectiveCaps('plus', []).map(({ model, hours, cap }) => ({ model, hours, cap }))).toEqual([
      { model: 'gpt-5', hours: 3, cap: 160 },
      { model: 'gpt-5-thinking', hours: 168, cap: 3000 },
    ]);
  });
});
