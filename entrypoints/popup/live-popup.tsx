import { render, type ComponentType } from 'preact';
import type { PopupData } from '@/components/popup/popup-data';
import type { Settings } from '@/utils/core/settings/settings-schema';
import type { RecentEvents } from '@/utils/storage/usage-queries';
import { FIRST_NUMBERS_MARK, FRESH_NUMBERS_MARK } from '@/entrypoints/popup/marks';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { useSettings } from '@/components/use-settings';
import { usePopupData } from '@/components/popup/use-popup-data';
import { useCurrentSite } from '@/components/popup/current-site';
import { disableSite, enableSite, exportUsage, hiddenBadgeHosts, openOptions, setSitePaused, showBadge } from '@/components/popup/popup-actions';
import { PopupView } from '@/components/popup/PopupView';
import type { QuickActionHandlers } from '@/components/popup/QuickActions';
import { savePopupScope, type PopupScope } from '@/components/popup/popup-scope';

// The Clay estimator is its own chunk, loaded after the numbers are on screen.
const loadClayEstimator = () => import('@/components/clay/ClayEstimator');

function LazyClayEstimator() {
  const [Estimator, setEstimator] = useState<ComponentType | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    loadClayEstimator().then(
      (m) => setEstimator(() => m.ClayEstimator),
      () => setFailed(true),
    );
  }, []);
  if (failed) return <p class="error">The estimator could not be loaded.</p>;
  return Estimator ? <Estimator /> : <p class="muted">Loading estimator…</p>;
}


export const actions: QuickActionHandlers & { disableSite: typeof disableSite } = {
  openOptions,
  setPaused: setSitePaused,
  exportUsage,
  enableSite,
  disableSite,
  showBadge,
};

/** What the start-up hands over: the numbers it painted (with the settings they were read with), and the early read of the last turns. */
export interface LiveStart {
  painted: { data: PopupData; settings: Settings; scope?: PopupScope } | null;
  recent: Promise<RecentEvents>;
  changedEarly: () => boolean;
  /** The scope the user last chose ("All your browsers" or "This browser"). */
  scope: PopupScope;
}

function Popup({ start }: { start: LiveStart }) {
  const settings = useSettings();
  const [scope, setScope] = useState(start.scope);
  const data = usePopupData(settings, start, scope);
  const site = useCurrentSite(settings);
  // Marks when numbers are first in the DOM (when the start-up could not paint them); scripts/bench-popup.ts reads them.
  useLayoutEffect(() => {
    if (data.state !== 'ready' || performance.getEntriesByName(FIRST_NUMBERS_MARK).length) return;
    performance.mark(FIRST_NUMBERS_MARK);
    performance.mark(FRESH_NUMBERS_MARK);
  }, [data]);
  const hiddenSites = settings ? hiddenBadgeHosts(settings.sites) : [];
  return <PopupView data={data} site={site} actions={actions} clayEstimator={<LazyClayEstimator />} hiddenSites={hiddenSites} scope={{ value: scope, onChange: (next) => (setScope(next), void savePopupScope(next)) }} />;
}

/** The full popup: settings, live updates, actions. Takes over the DOM the start-up painted (startup.tsx). */
export function mountLivePopup(root: HTMLElement, start: LiveStart): void {
  performance.mark('tt:live-mount');
  render(<Popup start={start} />, root);
}
