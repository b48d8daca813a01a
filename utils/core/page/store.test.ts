import { describe, expect, it, vi } from 'vitest';
import { createStore } from '@/utils/core/page/store';

describe('createStore', () => {
  it('merges patches, tells listeners with the previous state, and ignores no-op patches', () => {
    const store = createStore({ a: 1, b: { c: 2 } });
    const listener = vi.fn();
    const stop = store.subscribe(listener);
    store.set({ a: 2 });
    expect(store.get()).toEqual({ a: 2, b: { c: 2 } });
    expect(listener).toHaveBeenLastCalledWith({ a: 2, b: { c: 2 } }, { a: 1, b: { c: 2 } });
    store.set({ a: 2 });
    store.set((s) => ({ b: s.b }));
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
    store.set({ a: 3 });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('a failing listener does not stop the others', () => {
    const store = createStore({ n: 0 });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const after = vi.fn();
    store.subscribe(() => {
      throw new Error('boom');
    });
    store.subscribe(after);
    store.set({ n: 1 });
    expect(after).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
