import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { routeMessage } from '@/utils/background/messaging/router';
import { tabSender } from '@/test/unit/test-senders';
import { settingsSchema } from '@/utils/core/settings/settings-schema';
import { loadSettings as loadInBackground, saveSettings } from '@/utils/storage/settings-store';
import { contentSettingsHandlers } from '@/utils/background/settings-handlers';
import { correctionFactorNow, correctionsReady, requestSettings, updateSiteSettings, watchSettingsChanges } from '@/utils/content/settings/settings-client';
import { loadCorrections, recordExactObservation, resetCorrections } from '@/utils/storage/estimate-corrections';
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

    // Hand-edited (a content script can write storage.sync in Firefox): the background's repaired
    // reading wins, and what sends or deletes data keeps its trusted copy.
    await fakeBrowser.storage.sync.set({ 'settings.data': { retentionDays: 1 }, 'settings.limits': { alertThresholds: 'loud' } });
    const loaded = await requestSettings();
    expect(loaded.retentionDays).toBe(30);
    expect(loaded.alertThresholds).toEqual(DEFAULT_SETTINGS.alertThresholds);
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

  it("follows the background's notices of a change, the latest of quick ones, and only this extension's", async () => {
    const seen: Array<number | null> = [];
    const stop = watchSettingsChanges((s) => seen.push(s.retentionDays));
    const notice = (id = fakeBrowser.runtime.id) => fakeBrowser.runtime.onMessage.trigger({ type: 'settings-changed' }, { id });
    await saveSettings(settingsSchema.parse({ retentionDays: 14 }));
    await notice();
    await saveSettings(settingsSchema.parse({ retentionDays: 21 }));
    await notice();
    await vi.waitFor(() => expect(seen.at(-1)).toBe(21));
    const count = seen.length;
    await saveSettings(settingsSchema.parse({ retentionDays: 45 }));
    await notice('another-extension');
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toHaveLength(count);
    stop();
    await notice();
    await new Promise((r) => setTimeout(r, 20));
    expect(seen.at(-1)).toBe(21);
  });

  it("applies the estimators' corrections the background sends with the settings, checked again here", async () => {
    await recordExactObservation('claude47-estimate', 1000, 1300);
    const learned = (await loadCorrections())['claude47-estimate']!.ratio;
    await requestSettings();
    await correctionsReady();
    expect(correctionFactorNow('claude47-estimate')).toBe(learned);
    expect(correctionFactorNow('claude3-estimate')).toBe(1);
    await resetCorrections();
    await requestSettings();
    expect(correctionFactorNow('claude47-estimate')).toBe(1);
  });
});
