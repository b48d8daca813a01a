import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { buildPlanLimits, type PlanLimitsData, type PlanLimitsInput } from '@/utils/core/meters/plan-limits';
import { isBroadcast } from '@/utils/protocol/broadcasts';
import { STORAGE_KEYS } from '@/utils/storage/storage-keys';

/** Countdowns and staleness move on without new data. */
const TICK_MS = 30_000;

/**
 * The popup's "Plan limits" data, kept current: reloaded when a reading is stored, settings
 * change or usage is recorded, re-timed every 30 s. Null until the first load. The loading
 * code (and its validation library) is fetched after the popup's first paint.
 */
export function usePlanLimits(): PlanLimitsData | null {
  const [input, setInput] = useState<Omit<PlanLimitsInput, 'now'> | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    let live = true;
    let seq = 0;
    const load = () => {
      const run = ++seq;
      void import('@/components/popup/plan-limits-source')
        .then((m) => m.loadPlanLimitsInput(Date.now()))
        .then((next) => {
          if (!live || run !== seq) return;
          setInput(next);
          setNow(Date.now());
        })
        .catch((error) => console.warn('[TokenTally] plan limits:', error));
    };
    // After the first paint: the cards' numbers come first.
    const start = setTimeout(load, 0);
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (area === 'sync' && Object.keys(changes).some((k) => k.startsWith(STORAGE_KEYS.settingsSections.key))) load();
    };
    const onMessage = (message: unknown) => {
      if (isBroadcast(message, 'meters-changed') || isBroadcast(message, 'usage-changed')) load();
    };
    browser.storage.onChanged.addListener(onStorage);
    browser.runtime.onMessage.addListener(onMessage);
    const tick = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => {
      live = false;
      clearTimeout(start);
      clearInterval(tick);
      browser.storage.onChanged.removeListener(onStorage);
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, []);

  return useMemo(() => (input ? buildPlanLimits({ ...input, now }) : null), [input, now]);
}
