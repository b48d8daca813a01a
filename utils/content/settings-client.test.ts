import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { routeMessage } from '@/utils/background/messaging/router';
import { tabSender } from '@/test/unit/test-senders';
import { settingsSchema } from '@/utils/core/settings/settings-schema';
import { loadSettings as loadInBackground, saveSettings } from '@/utils/storage/settings-store';
import { contentSettingsHandlers } from '@/utils/background/settings-handlers';
import { requestSettings, updateSiteSettings, watchSettingsChanges } from '@/utils/content/settings-client';
import { DEFAULT_SETTINGS } from '@/utils/core/settings/settings-defaults';

/** A content script's settings, without the schema: read from and changed through the background, which validates. */

const CLAUDE_TAB = tabSender('https://claude.ai/new', 4);
let asked: string[];

beforeEach(() => {
  fakeBrowser.reset();
  asked = [];
  // The content script's messages, answered by the background's handlers through the router (sender checks and all).
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (request: { type: string }) => {
    asked.push(request.type);
    return routeMessage(request, CLAUDE_TAB, contentSettingsHandlers as never);
  }) as never);
});
afterEach(() => vi.restoreAllMocks());

describe('content-script settings', () => {
  it("reads the settings as the background validated them, never the stored text as is", async () => {
    await saveSettings(settingsSchema.parse({ retentionDays: 30 }));
    expect((await requestSettings()).retentionDays).toBe(30);
    expect(asked).toEqual(['settings']);

    // Hand-edited (a content script can write storage.sync): the background's repaired reading wins.
    await fakeBrowser.storage.sync.set({ 'settings.data': { retentionDays: -5 } });
    const loaded = await requestSettings();
    expect(loaded.retentionDays).toBe(DEFAULT_SETTINGS.retentionDays);
    expect(loaded).toEqual(await loadInBackground());
  });

  it('retries while the background is not there yet', async () => {
    const answer = vi.mocked(fakeBrowser.runtime.sendMessage).getMockImplementation()!;
    vi.mocked(fakeBrowser.runtime.sendMessage)
      .mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'))
      .mockImplementation(answer);
    expect((await requestSettings()).version).toBe(DEFAULT_SETTINGS.version);
  });

  it("changes only the sending tab's own site, and nothing invalid is written", async () => {
    expect(await updateSiteSettings({ modelOverride: 'claude-opus-4-1', projectedOutputTokens: 2500 })).toEqual({ ok: true });
    const saved = await loadInBackground();
    expect(saved.sites['claude.ai']).toMatchObject({ modelOverride: 'claude-opus-4-1', projectedOutputTokens: 2500, enabled: true });
    expect(Object.keys(saved.sites)).toEqual(['claude.ai']);

    const refused = await updateSiteSettings({ projectedOutputTokens: -3 });
    expect(refused.ok).toBe(false);
    expect((await loadInBackground()).sites['claude.ai']!.projectedOutputTokens).toBe(2500);
    // Fields beyond the badge's own are refused at the boundary.
    const other = await routeMessage({ type: 'update-site-settings', patch: { enabled: false } }, CLAUDE_TAB, contentSettingsHandlers as never);
    expect(other.ok).toBe(false);
  });

  it('follows changes, the latest of quick ones', async () => {
    const seen: Array<number | null> = [];
    const stop = watchSettingsChanges((s) => seen.push(s.retentionDays));
    await saveSettings(settingsSchema.parse({ retentionDays: 14 }));
    await saveSettings(settingsSchema.parse({ retentionDays: 21 }));
    await vi.waitFor(() => expect(seen.at(-1)).toBe(21));
    stop();
    await saveSettings(settingsSchema.parse({ retentionDays: 60 }));
    await new Promise((r) => setTimeout(r, 20));
    expect(seen.at(-1)).toBe(21);
  });
});
