import type { BadgeActions } from '@/utils/core/page/badge-contract';
import { siteSettingsFor } from '@/utils/core/settings/settings-defaults';
import { normaliseHost } from '@/utils/core/sites/host';
import type { PageStore } from '@/utils/core/page/page-state';
import type { SiteSettingsPatch } from '@/utils/content/settings/settings-client';
import { copyDiagnostics } from '@/utils/content/page/diagnostics';
import { guard } from '@/utils/content/page/guard';

export interface BadgeActionDeps {
  store: PageStore;
  host: string;
  /** Takes every badge off the page (after "Hide on this site"). */
  detachAll(): void;
  /** A badge's details opened or closed (the conversation is counted while one is open). */
  panelOpened(open: boolean): void;
  /** Records the Clay run the badge shows (its "Log this run"). */
  logClayRun(): void;
  /** Changes this site's settings through the background, which validates the whole document. */
  changeSite(patch: SiteSettingsPatch): Promise<void>;
}

/** What the badge's controls do. */
export function createBadgeActions(deps: BadgeActionDeps): BadgeActions {
  const { store, host, changeSite } = deps;
  return {
    onPickModel: guard((id: string | null) => changeSite({ modelOverride: id })),
    onOutputTokens: guard((tokens: number) => changeSite({ projectedOutputTokens: tokens })),
    onHide: guard(() => {
      const settings = store.get().settings;
      if (settings) store.set({ settings: { ...settings, sites: { ...settings.sites, [normaliseHost(host)]: { ...siteSettingsFor(settings, host), badgeHidden: true } } } });
      deps.detachAll();
      return changeSite({ badgeHidden: true });
    }),
    onOpenChange: guard((open: boolean) => deps.panelOpened(open)),
    onCopyDiagnostics: () => copyDiagnostics(store.get()),
    clay: {
      setInputs: (patch) => store.set((s) => ({ clay: { ...s.clay, ...patch } })),
      logThisRun: () => deps.logClayRun(),
    },
  };
}
