import { render, type ComponentType } from 'preact';
import type { PopupData } from '@/utils/popup/popup-data';
import { FIRST_NUMBERS_MARK, FRESH_NUMBERS_MARK, firstNumbersDetail } from './marks';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { useSettings } from '@/utils/settings/use-settings';
import { usePopupData } from '@/utils/popup/use-popup-data';
import { useCurrentSite } from '@/utils/popup/current-site';
import { disableSite, enableSite, exportUsage, openOptions, setSitePaused } from '@/utils/popup/popup-actions';
import { PopupView } from '@/components/popup/PopupView';
import type { QuickActionHandlers } from '@/components/popup/QuickActions';

// The Clay estimator is its own chunk, loaded after the numbers are on screen.
const clayEstimatorModules = import.meta.glob<{ ClayEstimator: ComponentType }>('../../components/clay/ClayEstimator.tsx');
const loadClayEstimator = Object.values(clayEstimatorModules)[0];

function LazyClayEstimator() {
  const [Estimator, setEstimator] = useState<ComponentType | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    loadClayEstimator?.().then(
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
};

function Popup({ snapshot, fresh }: { snapshot: PopupData | null; fresh: boolean }) {
  const settings = useSettings();
  const data = usePopupData(settings, snapshot, fresh);
  const site = useCurrentSite(settings);
  // Marks when numbers are first in the DOM, and when queried ones are; scripts/bench-popup.ts reads both.
  useLayoutEffect(() => {
    if (data.state !== 'ready') return;
    if (!performance.getEntriesByName(FIRST_NUMBERS_MARK).length) performance.mark(FIRST_NUMBERS_MARK, firstNumbersDetail(data.fresh));
    if (data.fresh && !performance.getEntriesByName(FRESH_NUMBERS_MARK).length) performance.mark(FRESH_NUMBERS_MARK);
  }, [data]);
  return <PopupView data={data} site={site} actions={actions} clayEstimator={loadClayEstimator ? <LazyClayEstimator /> : undefined} />;
}

/** The full popup: settings, queries, actions. `snapshot` is what main.tsx already painted, if anything (`fresh`: read on this open). */
export function mountLivePopup(root: HTMLElement, snapshot: PopupData | null, fresh = false): void {
  performance.mark('tt:live-mount');
  render(<Popup snapshot={snapshot} fresh={fresh} />, root);
}
