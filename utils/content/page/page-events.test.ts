// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createPageEvents } from '@/utils/content/page/page-events';

describe("the page's one set of listeners", () => {
  it("hands each event to every subscriber in order, before the page's own handlers, until unsubscribed", () => {
    const events = createPageEvents(window);
    const seen: string[] = [];
    const offA = events.on('input', () => seen.push('a'));
    events.on('input', () => seen.push('b'));
    const field = document.createElement('textarea');
    document.body.append(field);
    field.addEventListener('input', () => seen.push('page'));
    field.dispatchEvent(new Event('input', { bubbles: true }));
    expect(seen).toEqual(['a', 'b', 'page']);
    offA();
    field.dispatchEvent(new Event('input', { bubbles: true }));
    expect(seen).toEqual(['a', 'b', 'page', 'b', 'page']);
    events.stop();
    field.dispatchEvent(new Event('input', { bubbles: true }));
    expect(seen.at(-1)).toBe('page');
    expect(seen).toHaveLength(6);
  });

  it('a subscriber that throws neither reaches the page nor silences the next one', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const events = createPageEvents(window);
    const after = vi.fn();
    events.on('click', () => {
      throw new Error('broken feature');
    });
    events.on('click', after);
    expect(() => document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }))).not.toThrow();
    expect(after).toHaveBeenCalledTimes(1);
    events.stop();
  });
});
