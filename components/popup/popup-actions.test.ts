import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, DEFAULT_SITE_SETTINGS } from '@/utils/core/settings/settings-defaults';
import type { Settings } from '@/utils/core/settings/settings-schema';

let stored: Settings = DEFAULT_SETTINGS;
vi.mock('@/utils/storage/settings-store', () => ({
  updateSettings: async (change: (s: Settings) => Settings) => {
    stored = change(stored);
    return { ok: true };
  },
}));
const { setSitePaused, showBadge } = await import('@/components/popup/popup-actions');

describe('popup actions', () => {
  it('pause and "show the badge" write the site under its one spelling, over what the user chose there', async () => {
    stored = { ...DEFAULT_SETTINGS, sites: { 'chatgpt.com': { ...DEFAULT_SITE_SETTINGS, badgeHidden: true, projectedOutputTokens: 4000 } } };
    await setSitePaused('WWW.ChatGPT.com', true);
    expect(Object.keys(stored.sites)).toEqual(['chatgpt.com']);
    expect(stored.sites['chatgpt.com']).toMatchObject({ enabled: false, badgeHidden: true, projectedOutputTokens: 4000 });
    await showBadge('CHATGPT.COM');
    expect(Object.keys(stored.sites)).toEqual(['chatgpt.com']);
    expect(stored.sites['chatgpt.com']).toMatchObject({ enabled: true, badgeHidden: false, projectedOutputTokens: 4000 });
  });
});
