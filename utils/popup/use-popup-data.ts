import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Settings } from '@/utils/settings/settings-schema';
import { getDailyTotals, getRecentEvents, getTotalsByModel } from '@/utils/usage/usage-queries';
import { dataValidUntil, loadCards, loadDaily, RECENT_TURNS, type PopupData, type PopupQueries } from './popup-data';
import { currentSnapshotKey, readSnapshot, writeSnapshot, type SnapshotKey } from './popup-snapshot';

export const usageQueries: PopupQueries = { getTotalsByModel, getDailyTotals, getRecentEvents };

// Started as the popup's script loads, in parallel with reading settings: it also opens the database.
let earlyRecent: Promise<Awaited<ReturnType<typeof getRecentEvents>>> | null = getRecentEvents(RECENT_TURNS);
// Read before any query starts, so a write during the queries invalidates what they return.
let earlyKey: Promise<SnapshotKey> | null = currentSnapshotKey();

export type PopupDataState =
  | { state: 'loading' }
  /** `fresh` is false while the numbers come from the last open's snapshot (proven current, see popup-snapshot.ts). */
  | { state: 'ready'; data: PopupData; fresh: boolean }
  | { state: 'error'; message: string };

/**
 * The popup's data for the current settings, reloaded when the background says usage
 * changed and when settings change (new `settings` object from useSettings()).
 */
export function usePopupData(settings: Settings | null, initial: PopupData | null = null): PopupDataState {
  const [state, setState] = useState<PopupDataState>(initial ? { state: 'ready', data: initial, fresh: false } : { state: 'loading' });
  const [version, setVersion] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    // Paint the last numbers at once if nothing has changed since they were computed.
    void earlyKey?.then((key) => {
      const snapshot = readSnapshot(key, Date.now());
      if (snapshot) setState((prev) => (prev.state === 'loading' ? { state: 'ready', data: snapshot, fresh: false } : prev));
    });
  }, []);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const listener = (message: unknown) => {
      if ((message as { type?: string } | null)?.type !== 'usage-changed') return;
      // Bursts (an import) collapse into one reload.
      clearTimeout(timer);
      timer = setTimeout(() => setVersion((v) => v + 1), 100);
      // Returning nothing leaves the reply to the background's router.
    };
    browser.runtime.onMessage.addListener(listener);
    return () => {
      clearTimeout(timer);
      browser.runtime.onMessage.removeListener(listener);
    };
  }, []);

  useEffect(() => {
    if (!settings) return;
    const run = ++latest.current;
    const recent = earlyRecent ?? undefined;
    const keyPromise = earlyKey ?? currentSnapshotKey();
    earlyRecent = null;
    earlyKey = null;
    const now = Date.now();
    const fail = (error: unknown) =>
      run === latest.current && setState({ state: 'error', message: error instanceof Error ? error.message : String(error) });
    // Cards first, then the chart: the numbers people open the popup for appear sooner.
    loadCards(settings, now, usageQueries, recent).then((data) => {
      if (run !== latest.current) return;
      setState((prev) => ({ state: 'ready', fresh: true, data: { ...data, daily: prev.state === 'ready' ? prev.data.daily : null } }));
      // Saved now too: a popup closed before its chart loads still leaves numbers for the next open.
      void keyPromise.then((key) => writeSnapshot(key, data, dataValidUntil(data, now)));
      return loadDaily(settings, now, data, usageQueries).then(async (daily) => {
        if (run !== latest.current) return;
        const full = { ...data, daily };
        setState({ state: 'ready', data: full, fresh: true });
        writeSnapshot(await keyPromise, full, dataValidUntil(full, now));
      });
    }).catch(fail);
  }, [settings, version]);

  return state;
}
