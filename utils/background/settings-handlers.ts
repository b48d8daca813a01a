import type { Handlers } from '@/utils/background/messaging/router';
import { classifySender } from '@/utils/background/messaging/sender';
import { siteSettingsFor } from '@/utils/core/settings/settings-defaults';
import { loadSettings, updateSettings } from '@/utils/storage/settings-store';

/**
 * Background: the settings requests of content scripts, which do not load the settings schema
 * (content/settings-client.ts). A tab changes only its own site's entry, and the whole document is
 * validated before it is written, as every other save is.
 */
export const contentSettingsHandlers: Pick<Handlers, 'settings' | 'update-site-settings'> = {
  settings: async () => ({ settings: await loadSettings() }),
  'update-site-settings': async (request, sender) => {
    const from = classifySender(sender);
    if (from.kind !== 'content') return { ok: false, errors: [{ path: '', message: "only a site's own badge changes its site settings" }] };
    return updateSettings((current) => ({
      ...current,
      sites: { ...current.sites, [from.host]: { ...siteSettingsFor(current, from.host), ...request.patch } },
    }));
  },
};
