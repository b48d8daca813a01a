import { render, type ComponentType } from 'preact';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { useSettings } from '@/utils/settings/use-settings';
import { usePopupData } from '@/utils/popup/use-popup-data';
import { useCurrentSite } from '@/utils/popup/current-site';
import { disableSite, enableSite, exportUsage, openOptions, setSitePaused } from '@/utils/popup/popup-actions';
import { PopupView } from '@/components/popup/PopupView';
import type { QuickActionHandlers } from '@/components/popup/QuickActions';
import './style.css';

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

export const FIRST_NUMBERS_MARK = 'tokentally:first-numbers';

const actions: QuickActionHandlers & { disableSite: typeof disableSite } = {
  openOptions,
  setPaused: setSitePaused,
  exportUsage,
  enableSite,
  disableSite,
};

function Popup() {
  const settings = useSettings();
  const data = usePopupData(settings);
  const site = useCurrentSite(settings);
  // Marks when the numbers are first in the DOM; scripts/bench-popup.ts reads it.
  useLayoutEffect(() => {
    if (data.state === 'ready' && !performance.getEntriesByName(FIRST_NUMBERS_MARK).length) performance.mark(FIRST_NUMBERS_MARK);
  }, [data.state]);
  return <PopupView data={data} site={site} actions={actions} clayEstimator={loadClayEstimator ? <LazyClayEstimator /> : undefined} />;
}

render(<Popup />, document.getElementById('app')!);
