import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, DEFAULT_SITE_SETTINGS } from '@/utils/core/settings/settings-defaults';
import { createPageStore } from '@/utils/core/page/page-state';
import { chatgptAdapter } from '@/utils/sites/adapters/chatgpt';
import { createBadgeActions } from '@/utils/content/badge/badge-actions';

describe('badge actions', () => {
  it('"Hide on this site" writes the site under its one spelling, keeping what the user chose there', async () => {
    const store = createPageStore(chatgptAdapter, 'WWW.ChatGPT.com');
    store.set({ settings: { ...DEFAULT_SETTINGS, sites: { 'chatgpt.com': { ...DEFAULT_SITE_SETTINGS, projectedOutputTokens: 4000 } } } });
    const patches: unknown[] = [];
    const actions = createBadgeActions({
      store,
      host: 'WWW.ChatGPT.com',
      detachAll: () => {},
      panelOpened: () => {},
      logClayRun: () => {},
      changeSite: async (patch) => void patches.push(patch),
    });
    await actions.onHide();
    expect(Object.keys(store.get().settings!.sites)).toEqual(['chatgpt.com']);
    expect(store.get().settings!.sites['chatgpt.com']).toMatchObject({ badgeHidden: true, projectedOutputTokens: 4000 });
    expect(patches).toEqual([{ badgeHidden: true }]);
  });
});
