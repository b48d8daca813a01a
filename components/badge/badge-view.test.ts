import { describe, expect, it } from 'vitest';
import { SITE_ADAPTERS } from '@/utils/sites/adapters';
import { DEFAULT_SETTINGS } from '@/utils/core/settings/settings-defaults';
import { createPageStore, NEW_FIELD } from '@/utils/core/page/page-state';
import { listModels } from '@/utils/core/models/model-registry';
import { badgeViewFor } from '@/components/badge/badge-view';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const adapterOf = (host: string) => SITE_ADAPTERS.find((a) => a.hosts.includes(host))!;

function stateOn(host: string, tokens: number, extra: Record<string, unknown> = {}) {
  const store = createPageStore(adapterOf(host), host, NOW);
  store.set({ settings: DEFAULT_SETTINGS, fields: { f: { ...NEW_FIELD, state: 'ready', tokens } }, ...extra });
  return store.get();
}

describe('the badge view', () => {
  it('marks costs on a subscription chat as API-equivalent, and not on a console', () => {
    expect(badgeViewFor(stateOn('claude.ai', 10), 'f', listModels(), NOW).apiEquivalent).toBe(true);
    expect(badgeViewFor(stateOn('platform.openai.com', 10), 'f', listModels(), NOW).apiEquivalent).toBe(false);
  });

  it("shows the cost by default, and not on a site where the user hid it", () => {
    expect(badgeViewFor(stateOn('chatgpt.com', 10), 'f', listModels(), NOW).showCost).toBe(true);
    const hidden = { ...DEFAULT_SETTINGS, sites: { ...DEFAULT_SETTINGS.sites, 'chatgpt.com': { ...DEFAULT_SETTINGS.sites['chatgpt.com']!, showCost: false } } };
    expect(badgeViewFor(stateOn('chatgpt.com', 10, { settings: hidden }), 'f', listModels(), NOW).showCost).toBe(false);
    expect(badgeViewFor(stateOn('claude.ai', 10, { settings: hidden }), 'f', listModels(), NOW).showCost).toBe(true);
  });

  it('measures context against claude.ai’s window there, conversation included', () => {
    const view = badgeViewFor(stateOn('claude.ai', 150_000, { conversation: { tokens: 20_000, exact: false } }), 'f', listModels(), NOW);
    expect(view.context).toMatchObject({ used: 170_000, level: 'near', window: { tokens: 200_000, sourceName: 'claude.ai' } });
    const over = badgeViewFor(stateOn('claude.ai', 210_000), 'f', listModels(), NOW);
    expect(over.context?.level).toBe('over');
  });

  it('warns at 95% of the window with what to do, files included in what the turn sends', () => {
    const full = badgeViewFor(stateOn('claude.ai', 1_000, { conversation: { tokens: 190_000, exact: false } }), 'f', listModels(), NOW);
    expect(full.context).toMatchObject({ used: 191_000, level: 'full', action: 'new-conversation' });
    const attachments = [{ id: 'a', name: 'big.pdf', size: 1e6, kind: 'pdf', status: 'counted', tokens: 60_000, exact: false, band: 0.1, note: null, progress: null }];
    const files = badgeViewFor(stateOn('claude.ai', 1_000, { conversation: { tokens: 110_000, exact: false }, attachments }), 'f', listModels(), NOW);
    expect(files.context).toMatchObject({ used: 171_000, level: 'near', action: 'files' });
  });

  it('shows the page’s meter reading with its countdown and severity, and nothing when reading is off', () => {
    const meters = { windows: [{ id: 'claude:session', label: 'Session (5 h)', used: 0.96, resetsAt: NOW + 2 * 3_600_000, lengthMs: 5 * 3_600_000 }], readAt: NOW - 60_000 };
    const [w] = badgeViewFor(stateOn('claude.ai', 1, { meters }), 'f', listModels(), NOW).meters;
    expect(w).toMatchObject({ id: 'claude:session', percentText: '96%', countdown: '2 h', severity: 'warn' });
    const off = { ...DEFAULT_SETTINGS, siteMeters: { ...DEFAULT_SETTINGS.siteMeters, read: false } };
    expect(badgeViewFor(stateOn('claude.ai', 1, { meters, settings: off }), 'f', listModels(), NOW).meters).toEqual([]);
  });
});
