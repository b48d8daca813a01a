import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ClaudeEstimatorId } from '@/utils/core/models/model-types';
import { STORAGE_KEYS } from '@/utils/storage/storage-keys';
import { loadCorrections, resetCorrections, type Correction } from '@/utils/storage/estimate-corrections';

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

/** The learned corrections, kept current while the page is open (the background writes them). */
export function useEstimateCorrections(): EstimateCorrectionsApi {
  const [rows, setRows] = useState<CorrectionRow[] | undefined>(undefined);
  const refresh = useCallback(async () => {
    const stored = await loadCorrections();
    setRows(ROWS.map(([estimator, label]) => ({ estimator, label, correction: stored[estimator] ?? null })));
  }, []);
  useEffect(() => {
    void refresh();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && STORAGE_KEYS.estimateCorrections.key in changes) void refresh();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [refresh]);
  const reset = useCallback(async () => {
    await resetCorrections();
    await refresh();
  }, [refresh]);
  return { rows, reset };
}
