import { describe, expect, it, vi, beforeEach, afterEach } from 'vitest';
import { getModel } from '@/utils/core/models/model-registry';
import type { ModelInfo } from '@/utils/core/models/model-types';
import { FieldCounter, type FieldCounterDeps } from '@/utils/content/page/field-counter';
import type { FieldState } from '@/utils/core/page/page-state';

/**
 * The keystroke scheduling of a prompt field, driven by fake keystrokes (text changes + request())
 * and fake timers: no DOM, no background.
 */

const gpt = getModel('gpt-4o')!;
const claude = getModel('claude-sonnet-4-5')!;

function harness(overrides: Partial<FieldCounterDeps> = {}) {
  let text = '';
  let model: ModelInfo | null = gpt;
  const views: Partial<FieldState>[] = [];
  const pending: Array<{ text: string; resolve: (n: number) => void; reject: (e: Error) => void }> = [];
  const count = vi.fn((t: string) => new Promise<{ tokens: number; exact: boolean }>((resolve, reject) => {
    pending.push({ text: t, resolve: (n) => resolve({ tokens: n, exact: true }), reject });
  }));
  const deps: FieldCounterDeps = {
    read: () => text,
    model: () => model,
    count,
    countNow: () => null,
    exactCountsOn: () => false,
    onChange: (patch) => views.push(patch),
    ...overrides,
  };
  const counter = new FieldCounter(deps);
  const last = () => views.reduce<Partial<FieldState>>((acc, v) => ({ ...acc, ...v }), {});
  return {
    counter, count, pending, views, last,
    type: (t: string) => { text = t; counter.request(); },
    setModel: (m: ModelInfo | null) => { model = m; },
  };
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'queueMicrotask'] }));
afterEach(() => vi.useRealTimers());

describe('FieldCounter', () => {
  it('one count in flight at a time; keystrokes meanwhile collapse into one count of the latest text', async () => {
    const h = harness();
    h.type('a');
    await vi.runAllTicks();
    await flush();
    expect(h.count).toHaveBeenCalledTimes(1);
    h.type('ab');
    h.type('abc');
    h.type('abcd');
    await vi.runAllTicks();
    expect(h.count).toHaveBeenCalledTimes(1);
    h.pending.shift()!.resolve(1);
    await flush();
    await vi.runAllTicks();
    await flush();
    expect(h.count).toHaveBeenCalledTimes(2);
    expect(h.count.mock.calls[1]![0]).toBe('abcd');
    h.pending.shift()!.resolve(4);
    await flush();
    expect(h.last()).toMatchObject({ state: 'ready', tokens: 4, exact: true, counting: false });
  });

  it('answers a keystroke synchronously when the counter already knows the count', async () => {
    const h = harness({ countNow: (t) => ({ tokens: t.length, exact: true }) });
    h.type('hello');
    await vi.runAllTicks();
    expect(h.last()).toMatchObject({ state: 'ready', tokens: 5 });
    expect(h.count).not.toHaveBeenCalled();
  });

  it('shows "counting" only for a slow count', async () => {
    const h = harness();
    h.type('slow text');
    await vi.runAllTicks();
    await flush();
    expect(h.views.some((v) => v.counting)).toBe(false);
    vi.advanceTimersByTime(200);
    expect(h.last().counting).toBe(true);
    h.pending.shift()!.resolve(2);
    await flush();
    expect(h.last().counting).toBe(false);
  });

  it('a failed count shows the error and retries with backoff until the background answers', async () => {
    const h = harness();
    h.type('retry me');
    await vi.runAllTicks();
    await flush();
    h.pending.shift()!.reject(new Error('worker stopped'));
    await flush();
    expect(h.last()).toMatchObject({ state: 'error', error: "Couldn't count: retrying" });
    vi.advanceTimersByTime(1999);
    await vi.runAllTicks();
    expect(h.count).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    await vi.runAllTicks();
    await flush();
    expect(h.count).toHaveBeenCalledTimes(2);
    h.pending.shift()!.reject(new Error('still stopped'));
    await flush();
    vi.advanceTimersByTime(3999);
    await vi.runAllTicks();
    expect(h.count).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1);
    await vi.runAllTicks();
    await flush();
    expect(h.count).toHaveBeenCalledTimes(3);
    h.pending.shift()!.resolve(3);
    await flush();
    expect(h.last()).toMatchObject({ state: 'ready', tokens: 3 });
  });

  it('huge texts are re-read at most every 150 ms, not per keystroke', async () => {
    const big = 'x'.repeat(1_000_001);
    const read = vi.fn(() => big);
    const h = harness({ read, countNow: () => ({ tokens: 1, exact: true }) });
    h.counter.request();
    await vi.runAllTicks();
    expect(read).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 10; i++) h.counter.request();
    await vi.runAllTicks();
    expect(read).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(150);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('an unknown model and an unreadable field are errors, not counts', async () => {
    const h = harness({ read: () => { throw new Error('detached'); } });
    h.counter.request();
    await vi.runAllTicks();
    expect(h.last()).toMatchObject({ state: 'error', error: "Can't read this field" });
    const m = harness();
    m.setModel(null);
    m.type('x');
    await vi.runAllTicks();
    expect(m.last()).toMatchObject({ state: 'error', error: 'Unknown model: pick one' });
  });

  it('asks for an exact count after the local estimate when the user opted in, and shows where it came from', async () => {
    const request = vi.fn((_t: string, _m: string, done: (o: { ok: true; tokens: number }) => void) => done({ ok: true, tokens: 42 }));
    const h = harness({
      model: () => claude,
      countNow: () => ({ tokens: 40, exact: false }),
      exactCountsOn: () => true,
      exactScheduler: () => ({ request, cancel: vi.fn() }) as never,
    });
    h.type('Bonjour');
    await vi.runAllTicks();
    expect(request).toHaveBeenCalledWith('Bonjour', claude.id, expect.any(Function));
    expect(h.last()).toMatchObject({ tokens: 42, exact: true, exactSource: 'Anthropic token counting API' });
  });
});
