import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/core/settings/settings-schema';
import {
  LEGACY_SETTINGS_KEY,
  loadSettings,
  saveSettings,
  SETTINGS_SYNC_KEYS,
  updateSettings,
  watchSettings,
} from '@/utils/storage/settings-store';

const clone = (s: Settings): Settings => structuredClone(s);

describe('settings store', () => {
  it('returns defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('round-trips a saved document through storage.sync, split into section keys', async () => {
    const next = clone(DEFAULT_SETTINGS);
    next.limits.openai.monthlyTokenLimit = 5_000_000;
    next.sites['claude.ai'] = { ...next.sites['claude.ai'], enabled: false, defaultModel: null, modelOverride: null, badgePosition: 'top-left', badgeHidden: false, showCost: false, projectedOutputTokens: 500 };
    expect(await saveSettings(next)).toEqual({ ok: true });
    expect(await loadSettings()).toEqual(next);
    const stored = await fakeBrowser.storage.sync.get(null);
    expect(Object.keys(stored).every((k) => SETTINGS_SYNC_KEYS.includes(k))).toBe(true);
    expect(stored['settings.limits']).toMatchObject({ limits: { openai: { monthlyTokenLimit: 5_000_000 } } });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('writes every section in one set() call', async () => {
    const spy = vi.spyOn(fakeBrowser.storage.sync, 'set');
    await saveSettings(clone(DEFAULT_SETTINGS));
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('saves nothing when the document is invalid, and says where', async () => {
    const good = clone(DEFAULT_SETTINGS);
    good.limits.google.monthlyBudgetUsd = 10;
    await saveSettings(good);
    const bad = clone(good);
    bad.limits.google.monthlyBudgetUsd = -5;
    bad.limits.openai.monthlyTokenLimit = 100; // a valid change in the same save must not land either
    const result = await saveSettings(bad);
    expect(result).toEqual({ ok: false, errors: [{ path: 'limits.google.monthlyBudgetUsd', message: 'Must be 0 or more' }] });
    expect(await loadSettings()).toEqual(good);
  });

  it('refuses a document over the sync quota with a clear error and keeps the old value', async () => {
    const huge = clone(DEFAULT_SETTINGS);
    for (let i = 0; i < 300; i++) huge.priceOverrides[`model-${i}-with-a-long-name`] = { inputPerMTok: 1.25, outputPerMTok: 10 };
    const result = await saveSettings(huge);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ path: 'prices', message: expect.stringMatching(/too large to sync/) });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('reports a storage failure (e.g. the browser quota) as an error value', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    const result = await saveSettings(clone(DEFAULT_SETTINGS));
    expect(result).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/too large to sync/) }] });
  });

  it('tells a write-rate limit apart from a size limit', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.'));
    const result = await saveSettings(clone(DEFAULT_SETTINGS));
    expect(result).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/wait a minute/) }] });
  });

  it('keeps valid sections when another is corrupt, and logs the damage', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const good = clone(DEFAULT_SETTINGS);
    good.limits.anthropic.monthlyTokenLimit = 42_000;
    good.retentionDays = 90;
    await saveSettings(good);
    await fakeBrowser.storage.sync.set({
      'settings.clay': 'garbage',
      'settings.sites': { sites: { 'chatgpt.com': { badgePosition: 'middle' }, 'claude.ai': { badgePosition: 'top-left' } } },
      'settings.prices': { priceOverrides: { 'gpt-4o': { inputPerMTok: -1, outputPerMTok: 2 }, 'o3': { inputPerMTok: 2, outputPerMTok: 8 } } },
    });
    const loaded = await loadSettings();
    expect(loaded.limits.anthropic.monthlyTokenLimit).toBe(42_000);
    expect(loaded.retentionDays).toBe(90);
    expect(loaded.clay).toEqual(DEFAULT_SETTINGS.clay);
    expect(loaded.sites['chatgpt.com']?.badgePosition).toBe('bottom-right'); // bad field reset, entry kept
    expect(loaded.sites['claude.ai']?.badgePosition).toBe('top-left');
    expect(loaded.priceOverrides).toEqual({ o3: { inputPerMTok: 2, outputPerMTok: 8 } });
    expect(warn).toHaveBeenCalled();
  });

  it('migrates the unversioned single-key layout and drops it on the next save', async () => {
    await fakeBrowser.storage.sync.set({ [LEGACY_SETTINGS_KEY]: { alertThresholds: [75, 100], limits: { openai: { monthlyTokenLimit: 9000 } } } });
    const loaded = await loadSettings();
    expect(loaded.alertThresholds).toEqual([0.75, 1]);
    expect(loaded.limits.openai.monthlyTokenLimit).toBe(9000);
    await saveSettings(loaded);
    expect(await fakeBrowser.storage.sync.get(LEGACY_SETTINGS_KEY)).toEqual({});
    expect(await loadSettings()).toEqual(loaded);
  });

  it('reads what it understands of a document from a newer version', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.sync.set({ 'settings.meta': { version: 99 }, 'settings.data': { retentionDays: 30, futureField: 'x' } });
    const loaded = await loadSettings();
    expect(loaded.retentionDays).toBe(30);
    expect(loaded.version).toBe(1);
    expect(loaded).not.toHaveProperty('futureField');
  });

  it('never throws when storage itself fails', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValueOnce(new Error('boom'));
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('applies concurrent updates one after another without losing either', async () => {
    await Promise.all([
      updateSettings((s) => ({ ...s, retentionDays: 30 })),
      updateSettings((s) => ({ ...s, limits: { ...s.limits, google: { ...s.limits.google, tpm: 1000 } } })),
    ]);
    const loaded = await loadSettings();
    expect(loaded.retentionDays).toBe(30);
    expect(loaded.limits.google.tpm).toBe(1000);
  });

  it('tells watchers about changes until they unsubscribe', async () => {
    const seen: Array<number | null> = [];
    const stop = watchSettings((s) => seen.push(s.retentionDays));
    await updateSettings((s) => ({ ...s, retentionDays: 7 }));
    await vi.waitFor(() => expect(seen).toContain(7));
    stop();
    await updateSettings((s) => ({ ...s, retentionDays: 8 }));
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).not.toContain(8);
  });
});
