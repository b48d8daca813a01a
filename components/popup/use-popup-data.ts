import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isBroadcast } from '@/utils/protocol/broadcasts';
import type { Settings } from '@/utils/core/settings/settings-schema';
import { sameSettings } from '@/utils/storage/validated-settings-cache';
import { getDailyTotals, getTotalsByModel, getUsageOverview, readRecentEvents, type RecentEvents } from '@/utils/storage/usage-queries';
import { loadPopupData, type PopupData, type PopupQueries } from '@/components/popup/popup-data';
import { queriesFor, type PopupScope } from '@/components/popup/popup-scope';
import { watchSyncedUsage } from '@/utils/storage/sync-store';

/** The real usage queries (usage-queries.ts); tests give loadPopupData their own. */
export const usageQueries: PopupQueries = { getTotalsByModel, getDailyTotals, readRecentEvents, getUsageOverview };

export type PopupDataState =
  | { state: 'loading' }
  | { state: 'ready'; data: PopupData }
  | { state: 'error'; message: string };

/**
 * Starts listening for `usage-changed` at once, before anything is read: a turn recorded while the
 * start-up reads and paints would otherwise be missed, because the full popup's listener is only
 * added once its chunk has loaded. The returned function stops this listener and says whether a
 * change came meanwhile.
 */
export function watchEarlyUsageChanges(): () => boolean {
  const seen = { changed: false };
  const listener = (message: unknown) => {
    if (isBroadcast(message, 'usage-changed')) seen.changed = true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => {
    browser.runtime.onMessage.removeListener(listener);
    return seen.changed;
  };
}

export interface PopupDataStart {
  painted: { data: PopupData; settings: Settings; scope?: PopupScope } | null;
  recent?: Promise<RecentEvents>;
  /** From watchEarlyUsageChanges: whether usage changed before this hook listened. */
  changedEarly?: () => boolean;
}

/**
 * The popup's data for the current settings, reloaded when the background says usage changed
 * and when settings change (a new `settings` object from useSettings()). `start` is what the
 * start-up already painted, with the settings it used: not read again while those are still
 * the settings, and its early read of the last turns.
 */
export function usePopupData(settings: Settings | null, start: PopupDataStart, scope: PopupScope = 'this'): PopupDataState {
  const [state, setState] = useState<PopupDataState>(start.painted ? { state: 'ready', data: start.painted.data } : { state: 'loading' });
  const [version, setVersion] = useState(0);
  const latest = useRef(0);
  const early = useRef(start);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Bursts (an import) collapse into one reload.
    const reload = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setVersion((v) => v + 1), 100);
    };
    const listener = (message: unknown) => {
      if (isBroadcast(message, 'usage-changed')) reload();
      // Returning nothing leaves the reply to the background's router.
    };
    browser.runtime.onMessage.addListener(listener);
    // Another browser's aggregates arriving through sync.
    const stopSync = watchSyncedUsage(reload);
    // A change between the start-up's reads and now: read again (a version past 0 keeps nothing early).
    if (early.current.changedEarly?.()) setVersion((v) => v + 1);
    return () => {
      clearTimeout(timer);
      browser.runtime.onMessage.removeListener(listener);
      stopSync();
    };
  }, []);

  useEffect(() => {
    if (!settings) return;
    performance.mark('tt:settings');
    const { painted, recent } = early.current;
    early.current = { painted: null };
    // The start-up's numbers were read with these very settings: nothing to read again.
    if (version === 0 && painted && sameSettings(painted.settings, settings) && (painted.scope ?? 'this') === scope) {
      performance.mark('tt:startup-numbers-kept');
      return;
    }
    const run = ++latest.current;
    queriesFor(scope, usageQueries)
      .then(({ queries, others }) => loadPopupData(settings, Date.now(), queries, recent).then((data) => (others ? { ...data, otherBrowsers: others } : data)))
      .then((data) => {
        performance.mark('tt:popup-data');
        if (run === latest.current) setState({ state: 'ready', data });
      })
      .catch((error: unknown) => {
        if (run === latest.current) setState({ state: 'error', message: error instanceof Error ? error.message : String(error) });
      });
  }, [settings, version, scope]);

  return state;
}
