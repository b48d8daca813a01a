import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Settings } from '@/utils/settings/settings-schema';
import { getDailyTotals, getRecentEvents, getTotalsByModel } from '@/utils/usage/usage-queries';
import { loadPopupData, type PopupData, type PopupQueries } from './popup-data';

export const usageQueries: PopupQueries = { getTotalsByModel, getDailyTotals, getRecentEvents };

export type PopupDataState =
  | { state: 'loading' }
  | { state: 'ready'; data: PopupData }
  | { state: 'error'; message: string };

/**
 * The popup's data for the current settings, reloaded when the background says usage
 * changed and when settings change (new `settings` object from useSettings()).
 */
export function usePopupData(settings: Settings | null): PopupDataState {
  const [state, setState] = useState<PopupDataState>({ state: 'loading' });
  const [version, setVersion] = useState(0);
  const latest = useRef(0);

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
    loadPopupData(settings, Date.now(), usageQueries).then(
      (data) => run === latest.current && setState({ state: 'ready', data }),
      (error: unknown) =>
        run === latest.current && setState({ state: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  }, [settings, version]);

  return state;
}
