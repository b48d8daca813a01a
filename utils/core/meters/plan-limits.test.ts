import { describe, expect, it } from 'vitest';
import { chatgptWindows, type SentMessage } from '@/utils/core/meters/chatgpt-windows';
import { buildPlanLimits, STALE_AFTER_MS, windowPace, windowView, type PlanLimitsInput } from '@/utils/core/meters/plan-limits';
import type { MeterReading, MeterWindow } from '@/utils/core/meters/meter-types';

const NOW = Date.UTC(2026, 9, 14, 12);
const H = 3_600_000;
const session = (used: number, resetsAt: number | null = NOW + 2 * H): MeterWindow => ({ id: 'claude:session', label: 'Session (5 h)', used, resetsAt, lengthMs: 5 * H });
const reading = (over: Partial<MeterReading> = {}): MeterReading => ({
  site: 'claude',
  account: 'org-a',
  accountName: 'Personal',
  active: true,
  windows: [session(0.42)],
  error: null,
  readAt: NOW - 5 * 60_000,
  ...over,
});
const input = (over: Partial<PlanLimitsInput> = {}): PlanLimitsInput => ({
  readings: {},
  active: {},
  notices: [],
  caps: [],
  messages: [],
  thresholds: [0.8, 0.95],
  readsOff: false,
  now: NOW,
  ...over,
});

describe('a window as the popup shows it', () => {
  it('fraction, ISO reset, countdown and severity', () => {
    const v = windowView(session(0.42), NOW, [0.8, 0.95]);
    expect(v).toMatchObject({ used: 0.42, percentText: '42%', resetsIso: '2026-10-14T14:00:00.000Z', countdown: '2 h', severity: 'ok', resetSinceRead: false });
    expect(windowView(session(0.85), NOW, [0.8, 0.95]).severity).toBe('warn');
    expect(windowView(session(1.3), NOW, [0.8]).used).toBe(1);
    expect(windowView(session(1.3), NOW, [0.8]).severity).toBe('over');
  });

  it('a reset that passed since the reading shows the window empty, not the old number', () => {
    const v = windowView(session(0.9, NOW - 60_000), NOW, [0.8], NOW - 10 * 60_000);
    expect(v).toMatchObject({ used: 0, resetsIso: '', countdown: null, resetSinceRead: true, severity: 'ok' });
  });

  it('a reset time already past when the site gave it is shown as given, without a countdown', () => {
    const v = windowView(session(0.9, NOW - 60_000), NOW, [0.8], NOW - 1_000);
    expect(v).toMatchObject({ used: 0.9, resetsIso: new Date(NOW - 60_000).toISOString(), countdown: null, resetSinceRead: false, pace: null });
  });

  it('pace: the share at the reset, or when it runs out; nothing too early', () => {
    // 3 of 5 hours gone, 30% used: 50% by the reset.
    expect(windowPace(session(0.3), NOW)).toBe('On pace for 50% by the reset');
    // 3 of 5 hours gone, 90% used: runs out after 3 h 20 min, 1 h 40 min before the reset.
    expect(windowPace(session(0.9), NOW)).toMatch(/^On pace to run out around .+, 1 h 40 min before the reset$/);
    expect(windowPace(session(0.3, NOW + 4.9 * H), NOW)).toBeNull();
    expect(windowPace(session(0.3, null), NOW)).toBeNull();
  });
});

describe('plan limits data', () => {
  it('shows the active organization first, marks readings older than an hour stale', () => {
    const data = buildPlanLimits(
      input({
        readings: {
          'claude:org-a': reading(),
          'claude:org-b': reading({ account: 'org-b', accountName: 'Team', active: false, readAt: NOW - STALE_AFTER_MS - 1 }),
        },
        active: { claude: 'org-b' },
      }),
    );
    const claude = data.sites[0]!;
    expect(claude.accounts.map((a) => [a.name, a.stale, a.age])).toEqual([
      ['Team', true, 'read 1 h ago'],
      ['Personal', false, 'read 5 min ago'],
    ]);
  });

  it('an error reading carries its reason and no windows', () => {
    const data = buildPlanLimits(input({ readings: { 'claude:org-a': reading({ windows: [session(0.5)], error: { reason: 'signed out', status: 401 } }) } }));
    expect(data.sites[0]!.accounts[0]).toMatchObject({ error: { reason: 'signed out', status: 401 }, windows: [] });
  });

  it('no readings and no caps: no sites', () => {
    expect(buildPlanLimits(input()).sites).toEqual([]);
  });
});

describe('ChatGPT counted windows', () => {
  const caps = [
    { model: 'gpt-5', hours: 3, cap: 160, label: 'GPT-5.5 Instant' },
    { model: 'gpt-5-thinking', hours: 168, cap: 3000 },
  ];
  const msgs = (n: number, model: string, start: number, step = 60_000): SentMessage[] => Array.from({ length: n }, (_, i) => ({ time: start + i * step, model }));

  it('counts per model in rolling windows; the window frees up as its oldest message ages out', () => {
    const messages = [...msgs(40, 'gpt-5.5', NOW - 2 * H), ...msgs(5, 'gpt-5.5', NOW - 5 * H), ...msgs(3, 'gpt-5.5-pro', NOW - 30 * H), ...msgs(2, 'gpt-5-mini', NOW - H)];
    const [instant, thinking, pro] = chatgptWindows([...caps, { model: 'gpt-5-pro', hours: 168, cap: 50 }], messages, [], NOW);
    expect(instant).toMatchObject({ id: 'chatgpt:gpt-5:3h', used: 40 / 160, resetsAt: NOW - 2 * H + 3 * H, detail: '40 messages of 160 (counted here)', label: 'GPT-5.5 Instant · 3 h' });
    expect(pro).toMatchObject({ id: 'chatgpt:gpt-5-pro:7d', used: 3 / 50, label: 'gpt-5-pro · 7 days' });
    // No recorded message says it used Thinking (the page shows an effort tier): only the notice fills it.
    expect(thinking).toMatchObject({ id: 'chatgpt:gpt-5-thinking:7d', used: 0, resetsAt: null });
    expect(thinking!.detail).toMatch(/fills when ChatGPT says the limit is reached/);
  });

  it("the site's own limit notice marks the window full until its reset, whatever the count", () => {
    const notice = { site: 'chatgpt' as const, model: 'gpt-5-thinking', label: 'GPT-5 Thinking', resetsAt: NOW + H, seenAt: NOW - 60_000 };
    const [, thinking] = chatgptWindows(caps, [], [notice], NOW);
    expect(thinking).toMatchObject({ used: 1, resetsAt: NOW + H });
    // After the reset the notice no longer holds.
    expect(chatgptWindows(caps, [], [notice], NOW + 2 * H)[1]!.used).toBe(0);
  });

  it('a notice for a model without a cap is its own full window', () => {
    const notice = { site: 'chatgpt' as const, model: 'gpt-4o', label: 'GPT-4o', resetsAt: NOW + H, seenAt: NOW };
    expect(chatgptWindows([], [], [notice], NOW)).toEqual([
      { id: 'chatgpt:gpt-4o:limit', label: 'GPT-4o · limit', used: 1, resetsAt: NOW + H, lengthMs: null, detail: 'ChatGPT says the limit for GPT-4o is reached' },
    ]);
  });

  it('appear in the plan limits with a note that they are counted', () => {
    const data = buildPlanLimits(input({ caps, messages: msgs(10, 'gpt-5', NOW - H) }));
    expect(data.sites.map((s) => s.site)).toEqual(['chatgpt']);
    expect(data.sites[0]!.accounts[0]!.windows[0]).toMatchObject({ id: 'chatgpt:gpt-5:3h', used: 10 / 160 });
    expect(data.sites[0]!.note).toMatch(/count the messages TokenTally recorded/);
  });
});

describe('a window view survives any stored time', () => {
  it('a reset time Date cannot show is treated as unknown, not thrown', () => {
    const now = Date.UTC(2026, 9, 1, 12);
    for (const resetsAt of [9e15, -9e15, Number.NaN, Number.POSITIVE_INFINITY]) {
      const view = windowView({ id: 'claude:session', label: 'Session (5 h)', used: 0.5, resetsAt, lengthMs: 5 * 3_600_000 }, now, [0.8, 0.95]);
      expect(view).toMatchObject({ resetsAt: null, resetsIso: '', countdown: null, resetClock: null, pace: null, percentText: '50%' });
    }
  });
});
