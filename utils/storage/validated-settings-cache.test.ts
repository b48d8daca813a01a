import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { settingsSchema } from '@/utils/core/settings/settings-schema';
import { loadSettings, saveSettings } from '@/utils/storage/settings-store';
import { cacheValidatedSettings, rawStoredSettings, readCurrentValidatedSettings, readValidatedSettings, VALIDATED_SETTINGS_KEY } from '@/utils/storage/validated-settings-cache';

describe('validated settings cache', () => {
  beforeEach(() => fakeBrowser.reset());

  it('holds the validated settings with the exact stored text they came from', async () => {
    const settings = settingsSchema.parse({ retentionDays: 30 });
    await saveSettings(settings);
    await cacheValidatedSettings(loadSettings);
    const cached = await readValidatedSettings();
    expect(cached?.settings.retentionDays).toBe(30);
    expect(cached?.raw).toBe(await rawStoredSettings());

    // A worker restart with nothing changed rewrites nothing; a change replaces the entry.
    const writes: unknown[] = [];
    fakeBrowser.storage.session.onChanged.addListener((changes) => writes.push(changes));
    await cacheValidatedSettings(loadSettings);
    expect(writes).toEqual([]);
    await saveSettings({ ...settings, retentionDays: 90 });
    await cacheValidatedSettings(loadSettings);
    expect((await readValidatedSettings())?.settings.retentionDays).toBe(90);
  });

  it('stores nothing when storage.sync changed while the settings were loading', async () => {
    await cacheValidatedSettings(async () => {
      const s = await loadSettings();
      await saveSettings({ ...s, retentionDays: 7 });
      return s;
    });
    expect(await readValidatedSettings()).toBeNull();
  });

  it('ignores a malformed or other-version entry instead of throwing', async () => {
    await fakeBrowser.storage.session.set({ [VALIDATED_SETTINGS_KEY]: 'not an object' });
    expect(await readValidatedSettings()).toBeNull();
    await fakeBrowser.storage.session.set({ [VALIDATED_SETTINGS_KEY]: { version: 'older', raw: '{}', settings: {} } });
    expect(await readValidatedSettings()).toBeNull();
  });

  it('gives the popup its settings only while the stored settings still match, and only from storage.session', async () => {
    await cacheValidatedSettings(loadSettings);
    expect(await readCurrentValidatedSettings()).toEqual(await loadSettings());
    // Content scripts can write storage.local: nothing there is trusted.
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    await fakeBrowser.storage.sync.set({ 'settings.data': { retentionDays: 30 } });
    expect(await readCurrentValidatedSettings()).toBeNull();
    expect(await rawStoredSettings()).toContain('retentionDays');
  });
});
