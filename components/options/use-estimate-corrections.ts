import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ClaudeEstimatorId } from '@/utils/core/models/model-types';
import { isBroadcast } from '@/utils/protocol/broadcasts';
import { sendRequest } from '@/utils/protocol/send-message';
import type { Correction } from '@/utils/core/accuracy/corrections';
import { loadCorrections } from '@/utils/storage/estimate-corrections';

/** One Claude tokenizer generation's learned correction, for the options page. */
export interface CorrectionRow {
  estimator: ClaudeEstimatorId;
  label: string;
  correction: Correction | null;
}

const ROWS: ReadonlyArray<[ClaudeEstimatorId, string]> = [
  ['claude3-estimate', 'Claude 3 – 4.6 models'],
  ['claude47-estimate', 'Claude 4.7+ models'],
];

export interface EstimateCorrectionsApi {
  /** Undefined while loading. */
  rows: CorrectionRow[] | undefined;
  reset(): Promise<void>;
}

/** The learned corrections, kept current while the page is open (the background writes them and says so). */
export function useEstimateCorrections(): EstimateCorrectionsApi {
  const [rows, setRows] = useState<CorrectionRow[] | undefined>(undefined);
  const refresh = useCallback(async () => {
    const stored = await loadCorrections();
    setRows(ROWS.map(([estimator, label]) => ({ estimator, label, correction: stored[estimator] ?? null })));
  }, []);
  useEffect(() => {
    void refresh();
    const onMessage = (message: unknown) => {
      if (isBroadcast(message, 'corrections-changed')) void refresh();
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [refresh]);
  const reset = useCallback(async () => {
    // Through the background, which tells the open pages: their counts drop the correction at once.
    await sendRequest({ type: 'reset-corrections' });
    await refresh();
  }, [refresh]);
  return { rows, reset };
}
