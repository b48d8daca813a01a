import { render } from 'preact';
import { PopupView } from '@/components/popup/PopupView';
import type { QuickActionHandlers } from '@/components/popup/QuickActions';
import type { PopupData } from '@/utils/popup/popup-data';
import { currentSnapshotKey, readSnapshot } from '@/utils/popup/popup-snapshot';
import { FIRST_NUMBERS_MARK } from './marks';
import './style.css';

/**
 * Two steps so the numbers appear before the heavy code has even been parsed: this small
 * entry paints the last numbers if they are provably current (see popup-snapshot.ts), while
 * the full popup (settings validation, IndexedDB queries, actions) loads as its own chunk
 * and then takes over the same DOM.
 */
const root = document.getElementById('app')!;
const live = import('./live-popup');

// Clicks in the first few ms, before the full popup is in, are forwarded once it is.
const waitingActions: QuickActionHandlers = {
  openOptions: () => void live.then((m) => m.actions.openOptions()),
  setPaused: (host, paused) => live.then((m) => m.actions.setPaused(host, paused)),
  exportUsage: (format) => live.then((m) => m.actions.exportUsage(format)),
  // The permission prompt needs the click itself, which is gone once the chunk has loaded.
  enableSite: async () => ({ ok: false, reason: 'Still loading, try again.' }),
};

let snapshot: PopupData | null = null;
let liveMounted = false;
const painted = currentSnapshotKey()
  .then((key) => {
    snapshot = readSnapshot(key, Date.now());
    if (snapshot && !liveMounted) {
      render(<PopupView data={{ state: 'ready', data: snapshot, fresh: false }} site={null} actions={waitingActions} />, root);
      performance.mark(FIRST_NUMBERS_MARK);
    }
  })
  .catch(() => undefined);

void Promise.all([live, painted]).then(([m]) => {
  liveMounted = true;
  m.mountLivePopup(root, snapshot);
});
