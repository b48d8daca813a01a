import type { Handlers } from '@/utils/background/messaging/router';
import { classifySender } from '@/utils/background/messaging/sender';
import { siteSettingsFor } from '@/utils/core/settings/settings-defaults';
import { normaliseHost } from '@/utils/core/sites/host';
import { loadSettings, updateSettings } from '@/utils/storage/settings-store';
import { loadCorrections } from '@/utils/storage/estimate-corrections';

/**
 * Background: the settings requests of content scripts, which read no extension storage and do
 * not load the settings schema (content/settings-client.ts). A tab changes only its own site's
 * badge preferences (the message schema admits no other field), and the whole document is
 * validated before it is written, as every other save is.
 */
export const contentSettingsHandlers: Pick<Handlers, 'settings' | 'update-site-settings'> = {
  settings: async () => {
    const [settings, corrections] = await Promise.all([loadSettings(), loadCorrections().catch(() => ({}))]);
    return { settings, corrections };
  },
  'update-site-settings': async (request, sender) => {
    const from = classifySender(sender);
    if (from.kind !== 'content') return { ok: false, errors: [{ path: '', message: "only a site's own badge changes its site settings" }] };
    return updateSettings((current) => ({
      ...current,
      sites: { ...current.sites, [normaliseHost(from.host)]: { ...siteSettingsFor(current, from.host), ...request.patch } },
    }));
  },
};
