import type { ModelInfo } from '@/utils/core/models/model-types';
import type { Settings } from '@/utils/core/settings/settings-schema';
import { costUsd } from '@/utils/core/models/cost';
import { PRICE_DATA_DATE } from '@/utils/core/models/model-registry';
import type { UsageEvent } from '@/utils/core/usage/usage-event';
import type { AiFeatureId } from '@/utils/core/clay/credit-rules';
import type { ClayInputs, ClayRunLog } from '@/utils/core/page/page-state';
import { estimateClayRun, type RunEstimate } from '@/utils/core/clay/run-estimate';
import { buildClayRunEvent } from '@/utils/core/clay/clay-run-event';

/**
 * What the Clay run estimate shows, computed from the page state: the page's rows and
 * references, what the user typed over them, and the settings' defaults. The same figures
 * become the run's usage event when the run starts, so what is logged is what was shown.
 */
export interface ClayRunView {
  estimate: RunEstimate;
  rows: number;
  /** The page's row count, or null when it shows none. */
  pageRows: number | null;
  /** True while the rows come from the page (the user hasn't typed their own). */
  rowsFromPage: boolean;
  rowsSource: 'page' | 'typed' | 'default';
  referenceCount: number;
  avgReferenceTokens: number;
  /** null = the model's maximum output. */
  avgOutputTokens: number | null;
  feature: AiFeatureId;
  ownKey: boolean;
  tpm: number | null;
  log: ClayRunLog;
}

/** Setters the estimate's inputs call (they write the page store) and the manual "Log this run". */
export interface ClayRunActions {
  setInputs: (patch: Partial<ClayInputs>) => void;
  logThisRun: () => void;
}

type ApiProvider = 'openai' | 'anthropic' | 'google';
const isApiProvider = (p: string): p is ApiProvider => p === 'openai' || p === 'anthropic' || p === 'google';

/** Own-key default for a model: the user's Clay setting for that model's provider. */
export function ownKeyFor(settings: Settings, model: ModelInfo): boolean {
  return isApiProvider(model.provider) ? settings.clay.ownApiKey[model.provider] : false;
}

export function tpmFor(settings: Settings, model: ModelInfo): number | null {
  return isApiProvider(model.provider) ? settings.limits[model.provider].tpm : null;
}

export function clayRunView(clay: ClayInputs, settings: Settings, model: ModelInfo, promptTokens: number): ClayRunView {
  const rows = clay.typedRows ?? clay.pageRows ?? settings.clay.defaultRows;
  const feature = clay.chosenFeature ?? clay.detectedFeature;
  const ownKey = clay.ownKey ?? ownKeyFor(settings, model);
  const avgReferenceTokens = clay.avgReferenceTokens ?? settings.clay.avgReferenceTokens;
  const avgOutputTokens = clay.avgOutputTokens === undefined ? settings.clay.avgOutputTokens : clay.avgOutputTokens;
  const tpm = tpmFor(settings, model);
  const estimate = estimateClayRun(
    {
      promptTokens,
      rows,
      referenceCount: clay.referenceCount,
      avgReferenceTokens,
      avgOutputTokens,
      model,
      feature,
      ownKey,
      tpm,
      overrides: settings.clay.creditsPerEnrichment,
    },
    costUsd,
  );
  return {
    estimate,
    rows,
    pageRows: clay.pageRows,
    rowsFromPage: clay.typedRows === null && clay.pageRows !== null,
    rowsSource: clay.typedRows !== null ? 'typed' : clay.pageRows !== null ? 'page' : 'default',
    referenceCount: clay.referenceCount,
    avgReferenceTokens,
    avgOutputTokens,
    feature,
    ownKey,
    tpm,
    log: clay.log,
  };
}

/** The run as a usage event, with the figures the estimate shows now. */
export function clayRunEvent(view: ClayRunView, model: ModelInfo, site: string, now: number): UsageEvent {
  return buildClayRunEvent({ estimate: view.estimate, model, ownKey: view.ownKey, site, now, priceDate: PRICE_DATA_DATE });
}
