performance.mark('tt:main-eval');
import { render } from 'preact';
import { PopupView } from '@/components/popup/PopupView';
import type { QuickActionHandlers } from '@/components/popup/QuickActions';
import type { PopupData } from '@/utils/popup/popup-data';
import { currentSnapshotKey, readSnapshot, writeSnapshot } from '@/utils/popup/popup-snapshot';
import { dataValidUntil } from '@/utils/popup/popup-data';
import { startEarlyRecent, startWithCachedSettings } from '@/utils/popup/early-popup-data';
import { FIRST_NUMBERS_MARK, FRESH_NUMBERS_MARK, firstNumbersDetail } from './marks';
import './style.css';

/**
 * Two steps so the numbers appear before the heavy code has even been parsed: this small
 * entry paints the last numbers if they are provably current (see popup-snapshot.ts), then
 * this open's numbers read from IndexedDB with the last validated settings (see
 * early-popup-data.ts), while the full popup (settings validation, actions) loads as its own
 * chunk and then takes over the same DOM.
 */
const root = document.getElementById('app')!;
// Loaded once this open's numbers are painted (or known not to be coming from here): parsing
// and running it earlier would hold up the main thread while the IndexedDB results wait.
let startLive: () => void = () => undefined;
const live = new Promise<typeof import('./live-popup')>((resolve, reject) => {
  let started = false;
  startLive = () => {
    if (!started) void import('./live-popup').then(resolve, reject);
    started = true;
  };
});

// Clicks in the first few ms, before the full popup is in, are forwarded once it is.
const waitingActions: QuickActionHandlers = {
  openOptions: () => void live.then((m) => m.actions.openOptions()),
  setPaused: (host, paused) => live.then((m) => m.actions.setPaused(host, paused)),
  exportUsage: (format) => live.then((m) => m.actions.exportUsage(format)),
  // The permission prompt needs the click itself, which is gone once the chunk has loaded.
  enableSite: async () => ({ ok: false, reason: 'Still loading, try again.' }),
};

// Read before any query starts, so a write during the queries makes what they return stale.
const key = currentSnapshotKey();
// The database opens and the last turns are read while the rest of the popup loads.
startEarlyRecent();

let shown: { data: PopupData; fresh: boolean } | null = null;
let liveMounted = false;
const paint = (data: PopupData, fresh: boolean) => {
  if (liveMounted) return;
  shown = { data, fresh };
  const view = (cardsOnly: boolean) => render(<PopupView data={{ state: 'ready', data, fresh }} site={null} actions={waitingActions} cardsOnly={cardsOnly} />, root);
  view(true);
  if (!performance.getEntriesByName(FIRST_NUMBERS_MARK).length) performance.mark(FIRST_NUMBERS_MARK, firstNumbersDetail(fresh));
  if (fresh) performance.mark(FRESH_NUMBERS_MARK);
  // The chart and lists once the cards have been painted.
  requestAnimationFrame(() => setTimeout(() => !liveMounted && shown?.data === data && view(false)));
};
// Runs alongside the storage reads; used only if the settings it assumed are still stored.
const queriedAt = Date.now();
const early = startWithCachedSettings(queriedAt);
const painted = key
  .then(async (k) => {
    // The last open's numbers, if provably current; then this open's, read with the last validated settings.
    const snapshot = readSnapshot(k, Date.now());
    if (snapshot) paint(snapshot, false);
    const fresh = await early.use(k);
    if (!fresh) return;
    paint(fresh, true);
    // Saved now, not only by the full popup: a popup closed within a fraction of a second still leaves them.
    writeSnapshot(k, fresh, dataValidUntil(fresh, queriedAt));
  })
  .catch(() => undefined);

// Never wait long on a database that does not answer (blocked upgrade): the full popup shows the error.
const settled = Promise.race([painted, new Promise((resolve) => setTimeout(resolve, 500))]);
void settled.then(startLive);
void Promise.all([live, settled]).then(([m]) => {
  liveMounted = true;
  m.mountLivePopup(root, shown?.data ?? null, shown?.fresh ?? false);
});
