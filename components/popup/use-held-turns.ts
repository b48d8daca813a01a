import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isBroadcast } from '@/utils/protocol/broadcasts';
import { sendRequest } from '@/utils/protocol/send-message';
import { summariseHeldTurns, type HeldTurnsSummary } from '@/utils/storage/held-turns';

export interface HeldTurnsApi {
  /** Null until read, or when nothing is held. */
  summary: HeldTurnsSummary | null;
  review(keep: boolean): Promise<void>;
}

const isEmpty = (s: HeldTurnsSummary) => s.aheadOfClock === 0 && s.unverified.count === 0;

/** The turns held back (held-turns.ts), re-read whenever stored usage changes. */
export function useHeldTurns(): HeldTurnsApi {
  const [summary, setSummary] = useState<HeldTurnsSummary | null>(null);
  const refresh = useCallback(() => {
    void summariseHeldTurns()
      .then((s) => setSummary(isEmpty(s) ? null : s))
      .catch(() => setSummary(null));
  }, []);
  useEffect(() => {
    refresh();
    const onMessage = (message: unknown) => {
      if (isBroadcast(message, 'usage-changed')) refresh();
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [refresh]);
  const review = useCallback(
    async (keep: boolean) => {
      await sendRequest({ type: 'review-held-turns', keep });
      refresh();
    },
    [refresh],
  );
  return { summary, review };
}
