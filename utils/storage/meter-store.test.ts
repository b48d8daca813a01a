import { describe, expect, it } from 'vitest';
import { routeMessage } from '@/utils/background/messaging/router';
import { RateLimiter } from '@/utils/background/messaging/rate-limiter';
import { tabSender } from '@/test/unit/test-senders';
import { createMeterHandlers, MIN_READ_INTERVAL_MS, RATE_LIMITED_INTERVAL_MS } from '@/utils/background/meters/meter-handlers';
import { loadSiteMeters, parseState } from '@/utils/storage/meter-store';
import type { MeterReport } from '@/utils/core/meters/meter-types';

const report = (over: Partial<MeterReport> = {}): MeterReport => ({
  site: 'claude',
  account: 'org-1111-2222',
  accountName: 'Personal',
  active: true,
  windows: [{ id: 'claude:session', label: 'Session (5 h)', used: 0.4, resetsAt: Date.UTC(2026, 9, 1, 15), lengthMs: 5 * 3_600_000 }],
  error: null,
  ...over,
});

function handlers(start = Date.UTC(2026, 9, 1, 12)) {
  let now = start;
  const changes: number[] = [];
  const h = createMeterHandlers({ now: () => now, onChange: () => void changes.push(now) });
  return { h, changes, advance: (ms: number) => (now += ms) };
}

describe('meter reports', () => {
  it('are stored per site and account, with the time received, and kept apart', async () => {
    const { h, changes } = handlers();
    await h.report(report());
    await h.report(report({ account: 'org-team-3333', accountName: 'Team', active: false }));
    const state = await loadSiteMeters();
    expect(Object.keys(state.readings).sort()).toEqual(['claude:org-1111-2222', 'claude:org-team-3333']);
    expect(state.active).toEqual({ claude: 'org-1111-2222' });
    expect(state.readings['claude:org-1111-2222']!.readAt).toBe(Date.UTC(2026, 9, 1, 12));
    expect(changes).toHaveLength(2);
  });

  it('are refused from a tab of another site (the router checks the sender)', async () => {
    const { h } = handlers();
    const served = { 'meter-report': (r: { report: MeterReport }) => h.report(r.report), 'meter-notice': (r: { notice: never }) => h.notice(r.notice), 'meter-claim': (r: { site: 'claude' }) => h.claim(r.site) };
    const send = (message: unknown, url: string) => routeMessage(message, tabSender(url), served as never, { limiter: new RateLimiter() });
    expect(await send({ type: 'meter-report', report: report() }, 'https://evil.example/')).toMatchObject({ ok: false, refused: true, error: expect.stringMatching(/evil.example may not read or report claude/) });
    expect(await send({ type: 'meter-report', report: report({ site: 'gemini', account: 'u/0' }) }, 'https://claude.ai/new')).toMatchObject({ ok: false, refused: true });
    expect(await send({ type: 'meter-notice', notice: { site: 'chatgpt', model: 'gpt-5', label: 'GPT-5', resetsAt: null, seenAt: 1 } }, 'https://claude.ai/new')).toMatchObject({ ok: false, refused: true });
    expect(await send({ type: 'meter-claim', site: 'claude' }, 'https://chatgpt.com/')).toMatchObject({ ok: false, refused: true });
    expect(await send({ type: 'meter-report', report: { ...report(), windows: [{ id: 'x', used: 'a lot' }] } }, 'https://claude.ai/new')).toMatchObject({ ok: false, refused: true });
    expect((await loadSiteMeters()).readings).toEqual({});
    expect(await send({ type: 'meter-report', report: report() }, 'https://claude.ai/new')).toEqual({ ok: true, value: { stored: true } });
  });
});

describe('read slots', () => {
  it('one read per site per minute, across tabs', async () => {
    const { h, advance } = handlers();
    expect(await h.claim('claude')).toEqual({ due: true, retryInMs: 0 });
    const second = await h.claim('claude');
    expect(second.due).toBe(false);
    expect(second.retryInMs).toBe(MIN_READ_INTERVAL_MS);
    advance(MIN_READ_INTERVAL_MS);
    expect((await h.claim('claude')).due).toBe(true);
  });

  it('waits longer after the site said 429', async () => {
    const { h, advance } = handlers();
    await h.report(report({ windows: [], error: { reason: 'limited', status: 429 } }));
    advance(MIN_READ_INTERVAL_MS);
    expect((await h.claim('claude')).due).toBe(false);
    advance(RATE_LIMITED_INTERVAL_MS);
    expect((await h.claim('claude')).due).toBe(true);
  });

});

describe('stored state', () => {
  it('keeps valid entries and drops corrupt ones', () => {
    const good = { ...report(), readAt: Date.UTC(2026, 9, 1, 12) };
    const state = parseState({
      readings: { a: good, b: { ...good, account: 'x', windows: [{ id: 'BAD ID', used: 'lots' }] }, c: 'junk' },
      active: { claude: 'org-1111-2222' },
      notices: [{ site: 'chatgpt', model: 'gpt-5', label: 'GPT-5', resetsAt: null, seenAt: Date.UTC(2026, 9, 1, 12) }, { site: 'chatgpt' }],
    });
    expect(Object.keys(state.readings)).toEqual(['claude:org-1111-2222']);
    expect(state.notices).toHaveLength(1);
    expect(parseState('garbage')).toEqual({ readings: {}, active: {}, notices: [] });
    expect(parseState(undefined)).toEqual({ readings: {}, active: {}, notices: [] });
  });
});

describe('bounds on what is kept and shown', () => {
  it("one site's reports never evict another site's reading", async () => {
    const { h, advance } = handlers();
    await h.report(report());
    for (let i = 0; i < 20; i++) {
      advance(60_000);
      await h.report(report({ site: 'gemini', account: `u/${i}`, windows: [{ id: 'gemini:current', label: 'Current usage', used: 0.1, resetsAt: null, lengthMs: null }] }));
    }
    const state = await loadSiteMeters();
    expect(state.readings['claude:org-1111-2222']).toBeDefined();
    expect(Object.values(state.readings).filter((r) => r.site === 'gemini')).toHaveLength(8);
  });

  it('a reset time years ahead (or before 2020) is refused at the boundary, and a stored one is dropped alone', () => {
    const far = report({ windows: [{ id: 'claude:session', label: 'Session (5 h)', used: 0.4, resetsAt: 9e15, lengthMs: 5 * 3_600_000 }] });
    const past = report({ windows: [{ id: 'claude:session', label: 'Session (5 h)', used: 0.4, resetsAt: 1_000, lengthMs: 5 * 3_600_000 }] });
    const good = report({ account: 'org-good' });
    const readAt = Date.UTC(2026, 9, 1, 12);
    const state = parseState({
      readings: { a: { ...far, readAt }, b: { ...past, readAt }, c: { ...good, readAt }, d: { ...good, account: 'org-future-read', readAt: 9e15 } },
      active: {},
      notices: [{ site: 'chatgpt', model: 'gpt-5', label: 'GPT-5', resetsAt: 9e15, seenAt: readAt }],
    });
    expect(Object.keys(state.readings)).toEqual(['claude:org-good']);
    expect(state.notices).toEqual([]);
  });
});
