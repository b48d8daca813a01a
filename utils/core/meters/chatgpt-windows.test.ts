import { describe, expect, it } from 'vitest';
import { chatgptWindows } from '@/utils/core/meters/chatgpt-windows';
import { windowView } from '@/utils/core/meters/plan-limits';

const NOW = Date.parse('2026-11-20T12:00:00Z');

describe('a ChatGPT cap nothing can count', () => {
  const cap = { model: 'gpt-5-thinking', hours: 168, cap: 10, label: 'GPT-5 Thinking' };

  it('is marked uncounted, so no "0% used" is shown for it', () => {
    const [w] = chatgptWindows([cap], [], [], NOW);
    expect(w).toMatchObject({ uncounted: true, used: 0 });
    expect(windowView(w!, NOW, [0.8]).uncounted).toBe(true);
  });

  it('is a plain full window once ChatGPT says the limit is reached', () => {
    const notice = { site: 'chatgpt' as const, model: 'gpt-5-thinking', label: 'GPT-5 Thinking', resetsAt: NOW + 3_600_000, seenAt: NOW - 1_000 };
    const [w] = chatgptWindows([cap], [], [notice], NOW);
    expect(w).toMatchObject({ used: 1 });
    expect(w).not.toHaveProperty('uncounted');
  });

  it('a countable cap is not marked', () => {
    const [w] = chatgptWindows([{ model: 'gpt-5', hours: 3, cap: 160 }], [{ time: NOW - 60_000, model: 'gpt-5' }], [], NOW);
    expect(w).not.toHaveProperty('uncounted');
    expect(w!.used).toBeCloseTo(1 / 160);
  });
});
