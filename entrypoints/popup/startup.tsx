import { render } from 'preact';
import { PopupView } from '@/components/popup/PopupView';
import type { QuickActionHandlers } from '@/components/popup/QuickActions';
import { loadPopupData, RECENT_TURNS, type PopupData } from '@/components/popup/popup-data';
import { usageQueries, watchEarlyUsageChanges } from '@/components/popup/use-popup-data';
import type { Settings } from '@/utils/core/settings/settings-schema';
import { readCurrentValidatedSettings } from '@/utils/storage/validated-settings-cache';
import { readRecentEvents, type RecentEvents } from '@/utils/storage/usage-queries';
import { FIRST_NUMBERS_MARK, FRESH_NUMBERS_MARK } from '@/entrypoints/popup/marks';
import type { LiveStart } from '@/entrypoints/popup/live-popup';
import { queriesFor, readPopupScope, type PopupScope } from '@/components/popup/popup-scope';

/**
 * The popup's start-up, in the order it runs. The entry (main.tsx) only calls `startPopup`.
 *
 * 1. At once, in parallel: open the usage database and read the last turns (neither needs
 *    settings), and read the settings the background last validated (validated-settings-cache.ts,
 *    storage.session), used only while storage.sync holds byte-identical settings text.
 * 2. With those settings, read this period's numbers (one IndexedDB read for cards and chart)
 *    and paint: cards first, the chart and lists a frame later. zod, the largest part of the
 *    popup's code, is not loaded on this path.
 * 3. Then load the full popup (settings validation, live updates, actions) as its own chunk; it
 *    takes over the same DOM with these numbers, and reads again only if the settings differ.
 *    Without cached settings (the background has not run since the browser started) it does
 *    step 2 itself after validating the settings.
 *
 * What each of v0.1's three caches saved, measured with `npm run bench -- popup` (100k events,
 * 15 opens per mode, on a 2-core machine at load average 6 to 10, so only the ratios mean much):
 * - validated settings (kept, now in storage.session and keyed by the extension version):
 *   without them the popup waits for its settings code and validation; median 262 ms with vs
 *   403 ms without to the numbers, 137 vs 230 ms of it the popup's own share (v0.1's bench:
 *   219 vs 539 ms).
 * - the localStorage snapshot of the last open's numbers (removed): it painted old numbers at
 *   153 ms instead of 219 ms, only when nothing was recorded since the last open, and the
 *   queried numbers came later with it (244 vs 219 ms): it cost two files, a revision bump on
 *   every write, and a key content scripts could write.
 * - the early read of the last turns: not a cache (nothing stored), just this read started
 *   first, alongside the settings read; kept as step 1.
 */
export function startPopup(root: HTMLElement): void {
  performance.mark('tt:main-eval');
  const changedEarly = watchEarlyUsageChanges();
  const now = Date.now();
  const recent = readRecentEvents(RECENT_TURNS, now);
  recent.catch(() => undefined); // the full popup reports a failed read
  const scope = readPopupScope();
  const early = readWithCachedSettings(now, recent, scope);

  // Clicks in the first few ms, before the full popup is in, are forwarded once it is.
  let startLive: () => void = () => undefined;
  const live = new Promise<typeof import('@/entrypoints/popup/live-popup')>((resolve, reject) => {
    let started = false;
    startLive = () => {
      if (!started) void import('@/entrypoints/popup/live-popup').then(resolve, reject);
      started = true;
    };
  });
  const waitingActions: QuickActionHandlers = {
    openOptions: () => void live.then((m) => m.actions.openOptions()),
    setPaused: (host, paused) => live.then((m) => m.actions.setPaused(host, paused)),
    exportUsage: (format) => live.then((m) => m.actions.exportUsage(format)),
    // The permission prompt needs the click itself, which is gone once the chunk has loaded.
    enableSite: async () => ({ ok: false, reason: 'Still loading, try again.' }),
  };

  let handedOver = false;
  let shown: { data: PopupData; settings: Settings; scope: PopupScope } | null = null;
  const painted = early
    .then((start) => {
      if (!start || handedOver) return;
      shown = start;
      const view = (cardsOnly: boolean) => render(<PopupView data={{ state: 'ready', data: start.data }} site={null} actions={waitingActions} cardsOnly={cardsOnly} scope={{ value: start.scope }} />, root);
      view(true);
      performance.mark(FIRST_NUMBERS_MARK);
      performance.mark(FRESH_NUMBERS_MARK);
      // The chart and lists once the cards are on screen.
      requestAnimationFrame(() => setTimeout(() => !handedOver && view(false)));
    })
    .catch(() => undefined);

  // The full popup's chunk is parsed only once the numbers are painted: earlier, it would hold up
  // the main thread while the IndexedDB results wait. Never wait long on a database that does
  // not answer (a blocked upgrade): the full popup then shows the error.
  const settled = Promise.race([painted, new Promise<void>((resolve) => setTimeout(resolve, 500))]);
  void settled.then(startLive);
  void Promise.all([live, settled, scope]).then(([m, , chosen]) => {
    handedOver = true;
    m.mountLivePopup(root, { painted: shown, recent, changedEarly, scope: chosen } satisfies LiveStart);
  });
}

/** This open's numbers in the chosen scope with the settings the background validated, or null when those are not current. */
async function readWithCachedSettings(now: number, recent: Promise<RecentEvents>, scopeRead: Promise<PopupScope>) {
  // The other browsers are read from sync alongside the settings, not after them.
  const scoped = scopeRead.then(async (scope) => ({ scope, ...(await queriesFor(scope, usageQueries, now)) }));
  const [settings, { scope, queries, others }] = await Promise.all([readCurrentValidatedSettings(), scoped]);
  if (!settings) return null;
  const data = await loadPopupData(settings, now, queries, recent);
  return { data: others ? { ...data, otherBrowsers: others } : data, settings, scope };
}
