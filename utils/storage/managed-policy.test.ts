import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '@/utils/core/settings/settings-schema';
import { loadSettings, saveSettings, watchSettings } from '@/utils/storage/settings-store';
import { POLICY_WAIT_MS, readManagedPolicy } from '@/utils/storage/managed-policy';
import { readGuardedSettings } from '@/utils/storage/guarded-settings-store';

describe('managed policy in the settings load path', () => {
  it('loadSettings returns the user’s settings with the policy’s values over them', async () => {
    const mine = structuredClone(DEFAULT_SETTINGS);
    mine.teamFeed = { endpoint: 'https://mine.example.com', serviceName: 'me', identity: null };
    mine.limits.openai.monthlyTokenLimit = 1_000;
    expect(await saveSettings(mine)).toEqual({ ok: true });
    expect((await loadSettings()).teamFeed.endpoint).toBe('https://mine.example.com');

    await fakeBrowser.storage.managed.set({ otlpEndpoint: 'https://otel.corp.example', siteMetersRead: false, limits: { openai: { monthlyTokenLimit: 9 } } });
    const loaded = await loadSettings();
    expect(loaded.teamFeed.endpoint).toBe('https://otel.corp.example');
    expect(loaded.siteMeters.read).toBe(false);
    expect(loaded.limits.openai.monthlyTokenLimit).toBe(9);
    // The user's own copy is untouched: without the policy, their values come back.
    expect((await readGuardedSettings())?.otlpEndpoint).toBe('https://mine.example.com');
    await fakeBrowser.storage.managed.clear();
    expect((await loadSettings()).teamFeed.endpoint).toBe('https://mine.example.com');
  });

  it('an endpoint in the synced copy alone (which a content script could write) never turns the feed on', async () => {
    const sync = { 'settings.general': { teamFeed: { endpoint: 'https://attacker.example', serviceName: 'x', identity: null } } };
    // Before the first load (the trusted copy is adopted from the synced one), and after it.
    await fakeBrowser.storage.sync.set(sync);
    expect((await loadSettings()).teamFeed.endpoint).toBeNull();
    await fakeBrowser.storage.sync.set(sync);
    expect((await loadSettings()).teamFeed).toMatchObject({ endpoint: null, serviceName: 'x' });
  });

  it('a policy change reaches the settings watchers', async () => {
    const seen: Array<string | null> = [];
    watchSettings((s) => seen.push(s.teamFeed.endpoint));
    await fakeBrowser.storage.managed.set({ otlpEndpoint: 'https://otel.corp.example' });
    await expect.poll(() => seen).toEqual(['https://otel.corp.example']);
  });

  it('reports the values it could not use', async () => {
    await fakeBrowser.storage.managed.set({ otlpEndpoint: 'not a url' });
    expect((await readManagedPolicy()).problems).toEqual(['otlpEndpoint: Not an address: start with https:// (or http:// for a collector on your network)']);
  });
});

describe('a policy the browser is slow to give', () => {
  it('does not hold up a settings load, and reaches the watchers once it arrives', async () => {
    vi.useFakeTimers();
    try {
      await fakeBrowser.storage.managed.set({ otlpEndpoint: 'https://otel.corp.example' });
      const managed = fakeBrowser.storage.managed as unknown as { get: (keys: null) => Promise<Record<string, unknown>> };
      const realGet = managed.get.bind(managed);
      // Chromium's first read in a fresh worker, with a schema declared: about 3 s.
      const slow = vi.spyOn(managed, 'get').mockImplementation((keys) => new Promise((resolve) => setTimeout(() => resolve(realGet(keys)), 3_000)));
      const seen: Array<string | null> = [];
      watchSettings((s) => seen.push(s.teamFeed.endpoint));
      const loading = loadSettings();
      await vi.advanceTimersByTimeAsync(POLICY_WAIT_MS);
      expect((await loading).teamFeed.endpoint).toBeNull();
      slow.mockRestore();
      await vi.advanceTimersByTimeAsync(3_000);
      await vi.waitFor(() => expect(seen).toEqual(['https://otel.corp.example']));
    } finally {
      vi.useRealTimers();
    }
  });
});
