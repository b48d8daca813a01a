import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { settingsSchema } from '@/utils/core/settings/settings-schema';
import { DEFAULT_GUARDED, guardedOf, parseGuarded, withGuarded } from '@/utils/core/settings/guarded-settings';
import { loadSettings, saveSettings, seedGuardedSettings, toSyncItems } from '@/utils/storage/settings-store';
import { readGuardedSettings } from '@/utils/storage/guarded-settings-store';

/** What a compromised content script writes to storage.sync (Firefox lets it). */
const HOSTILE = settingsSchema.parse({
  anthropicExactCounts: true,
  retentionDays: 1,
  sites: { 'claude.ai': { enabled: false }, 'chatgpt.com': { enabled: false, modelOverride: 'gpt-4o' } },
  extraSites: ['evil.example'],
  siteMeters: { read: false },
  alertThresholds: [0.5, 0.9],
});

describe('the settings that send or delete data (guarded)', () => {
  it('a synced copy written behind the user\'s back changes none of them', async () => {
    await saveSettings(settingsSchema.parse({ retentionDays: 365, sites: { 'gemini.google.com': { enabled: false } } }));
    await fakeBrowser.storage.sync.set(toSyncItems(HOSTILE));
    const loaded = await loadSettings();
    expect(loaded.anthropicExactCounts).toBe(false);
    expect(loaded.retentionDays).toBe(365);
    expect(loaded.sites['claude.ai']!.enabled).toBe(true);
    expect(loaded.sites['chatgpt.com']).toMatchObject({ enabled: true, modelOverride: 'gpt-4o' });
    expect(loaded.sites['gemini.google.com']!.enabled).toBe(false);
    expect(loaded.extraSites).toEqual([]);
    expect(loaded.siteMeters.read).toBe(true);
    // The rest follows the synced copy, re-validated as always.
    expect(loaded.alertThresholds).toEqual([0.5, 0.9]);
  });

  it('a save from an extension page changes them, both copies at once', async () => {
    await saveSettings(HOSTILE);
    const loaded = await loadSettings();
    expect(loaded).toEqual(HOSTILE);
    expect(await readGuardedSettings()).toEqual(guardedOf(HOSTILE));
  });

  it('with no trusted copy yet (an update to this version), this browser\'s settings are adopted once', async () => {
    await fakeBrowser.storage.sync.set(toSyncItems(settingsSchema.parse({ anthropicExactCounts: true, retentionDays: 90 })));
    expect((await loadSettings()).retentionDays).toBe(90);
    expect((await readGuardedSettings())?.retentionDays).toBe(90);
    await fakeBrowser.storage.sync.set(toSyncItems(HOSTILE));
    expect((await loadSettings()).retentionDays).toBe(90);
  });

  it('a fresh install adopts nothing that sends or deletes data from the synced copy (only a meter switched off)', async () => {
    await fakeBrowser.storage.sync.set(toSyncItems(HOSTILE));
    await seedGuardedSettings();
    const loaded = await loadSettings();
    expect(loaded.anthropicExactCounts).toBe(false);
    expect(loaded.retentionDays).toBeNull();
    expect(loaded.sites['claude.ai']!.enabled).toBe(true);
    expect(loaded.extraSites).toEqual([]);
    expect(loaded.siteMeters.read).toBe(false);
  });

  it('a trusted copy that is unreadable counts as none: safe defaults, never a throw', () => {
    for (const bad of [null, 'x', { ...DEFAULT_GUARDED, retentionDays: 0 }, { ...DEFAULT_GUARDED, siteEnabled: { 'a.com': 'yes' } }, { ...DEFAULT_GUARDED, extraSites: [''] }]) {
      expect(parseGuarded(bad)).toBeNull();
    }
    expect(parseGuarded(DEFAULT_GUARDED)).toEqual(DEFAULT_GUARDED);
    expect(withGuarded(HOSTILE, DEFAULT_GUARDED).anthropicExactCounts).toBe(false);
  });
});
