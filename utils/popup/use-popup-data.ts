import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isBroadcast } from '@/utils/messaging/broadcasts';
import type { Settings } from '@/utils/settings/settings-schema';
import { dataValidUntil, loadPopupData, type PopupData } from './popup-data';
import { currentSnapshotKey, readSnapshot, writeSnapshot, type SnapshotKey } from './popup-snapshot';
import { startEarlyRecent, takeEarlyRecent, usageQueries } from './early-popup-data';

export { usageQueries };

// Started as the popup's script loads, in parallel with reading settings: it also opens the database.
startEarlyRecent();
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
export function usePopupData(settings: Settings | null, initial: PopupData | null = null, initialFresh = false): PopupDataState {
  const [state, setState] = useState<PopupDataState>(initial ? { state: 'ready', data: initial, fresh: initialFresh } : { state: 'loading' });
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
      if (!isBroadcast(message, 'usage-changed')) return;
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
    performance.mark('tt:settings');
    const run = ++latest.current;
    const recent = takeEarlyRecent();
    const keyPromise = earlyKey ?? currentSnapshotKey();
    earlyKey = null;
    const now = Date.now();
    const fail = (error: unknown) =>
      run === latest.current && setState({ state: 'error', message: error instanceof Error ? error.message : String(error) });
    // Cards, chart and turns come from one read (see getUsageOverview).
    loadPopupData(settings, now, usageQueries, recent).then(async (data) => {
      performance.mark('tt:popup-data');
      if (run !== latest.current) return;
      setState({ state: 'ready', data, fresh: true });
      writeSnapshot(await keyPromise, data, dataValidUntil(data, now));
    }).catch(fail);
  }, [settings, version]);

  return state;
}
