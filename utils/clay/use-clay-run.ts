import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ModelInfo } from '../models/model-types';
import type { SiteAdapter } from '../sites/site-adapter';
import { costUsd } from '../models/cost';
import { PRICE_DATA_DATE } from '../models/model-registry';
import { DEFAULT_SETTINGS, type Settings } from '../settings/settings-schema';
import { useSettings } from '../settings/use-settings';
import { watchPage } from '../page/page-watcher';
import type { AiFeatureId } from './credit-rules';
import { estimateClayRun, type RunEstimate } from './run-estimate';
import { detectFeature, readPageRowCount, readReferenceCount } from './clay-page';
import { buildClayRunEvent } from './clay-run-event';
import { logRun, onRunLogged, releaseRunEventSource, setRunEventSource, startClayRunLogging, type RunLogResult } from './clay-run-logger';

export interface ClayRunLogState {
  status: 'idle' | 'logging' | 'logged' | 'failed';
  auto: boolean;
  credits: number;
  costUsd: number | null;
  at: number | null;
  error?: string;
}

export interface ClayRunState {
  estimate: RunEstimate;
  rows: number;
  /** The page's row count, or null when it shows none. */
  pageRows: number | null;
  /** True while the rows come from the page (the user hasn't typed their own). */
  rowsFromPage: boolean;
  rowsSource: 'page' | 'typed' | 'default';
  setRows: (rows: number | null) => void;
  referenceCount: number;
  avgReferenceTokens: number;
  setAvgReferenceTokens: (n: number) => void;
  /** null = the model's maximum output. */
  avgOutputTokens: number | null;
  setAvgOutputTokens: (n: number | null) => void;
  feature: AiFeatureId;
  setFeature: (f: AiFeatureId) => void;
  ownKey: boolean;
  setOwnKey: (own: boolean) => void;
  tpm: number | null;
  log: ClayRunLogState;
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

/**
 * Everything the Clay run estimate in the badge shows and does: rows read from the page
 * (or typed), references in the prompt, settings-driven defaults, the estimate, and
 * logging the run (automatically on the page's run buttons, or on request).
 */
export function useClayRun(props: { promptTokens: number; model: ModelInfo; adapter: SiteAdapter }): ClayRunState {
  const { promptTokens, model, adapter } = props;
  const settings = useSettings() ?? DEFAULT_SETTINGS;

  const [pageRows, setPageRows] = useState<number | null>(() => safe(() => readPageRowCount(adapter), null));
  const [typedRows, setTypedRows] = useState<number | null>(null);
  const [referenceCount, setReferenceCount] = useState(() => safe(() => readReferenceCount(adapter), 0));
  const [detectedFeature, setDetectedFeature] = useState<AiFeatureId>(() => safe(() => detectFeature(adapter), 'use-ai'));
  const [chosenFeature, setFeature] = useState<AiFeatureId | null>(null);
  const [avgRefOverride, setAvgReferenceTokens] = useState<number | null>(null);
  const [avgOutOverride, setAvgOutOverride] = useState<number | null | undefined>(undefined);
  const [ownKeyOverride, setOwnKey] = useState<boolean | null>(null);
  const [log, setLog] = useState<ClayRunLogState>({ status: 'idle', auto: false, credits: 0, costUsd: null, at: null });

  // The page changes under us (rows load, chips are inserted): re-read, throttled.
  useEffect(
    () =>
      watchPage(() => {
        setPageRows(readPageRowCount(adapter));
        setReferenceCount(readReferenceCount(adapter));
        setDetectedFeature(detectFeature(adapter));
      }, 300),
    [adapter],
  );
  // A keystroke changes the count before any throttled page read: re-count references now.
  useEffect(() => setReferenceCount(safe(() => readReferenceCount(adapter), 0)), [promptTokens, adapter]);

  const rows = typedRows ?? pageRows ?? settings.clay.defaultRows;
  const feature = chosenFeature ?? detectedFeature;
  const ownKey = ownKeyOverride ?? ownKeyFor(settings, model);
  const avgReferenceTokens = avgRefOverride ?? settings.clay.avgReferenceTokens;
  const avgOutputTokens = avgOutOverride === undefined ? settings.clay.avgOutputTokens : avgOutOverride;
  const tpm = tpmFor(settings, model);

  const estimate = useMemo(
    () =>
      estimateClayRun(
        {
          promptTokens,
          rows,
          referenceCount,
          avgReferenceTokens,
          avgOutputTokens,
          model,
          feature,
          ownKey,
          tpm,
          overrides: settings.clay.creditsPerEnrichment,
        },
        costUsd,
      ),
    [promptTokens, rows, referenceCount, avgReferenceTokens, avgOutputTokens, model, feature, ownKey, tpm, settings],
  );

  // Runs started on the page are logged with what this badge shows now.
  const latest = useRef({ estimate, model, ownKey });
  latest.current = { estimate, model, ownKey };
  useEffect(() => {
    const source = (now: number) =>
      buildClayRunEvent({ ...latest.current, site: location.hostname, now, priceDate: PRICE_DATA_DATE });
    setRunEventSource(source);
    // Armed for the page's lifetime: a run started after the panel folds is still a run.
    startClayRunLogging(adapter);
    const stop = onRunLogged((r: RunLogResult) =>
      setLog({
        status: r.ok ? 'logged' : 'failed',
        auto: r.auto,
        credits: r.event.credits ?? 0,
        costUsd: r.event.costUsd,
        at: r.event.time,
        error: r.error,
      }),
    );
    return () => {
      stop();
      releaseRunEventSource(source);
    };
  }, [adapter]);

  const logThisRun = () => {
    const now = Date.now();
    const event = buildClayRunEvent({ ...latest.current, site: location.hostname, now, priceDate: PRICE_DATA_DATE });
    setLog((prev) => ({ ...prev, status: 'logging', auto: false }));
    void logRun(event, false);
  };

  return {
    estimate,
    rows,
    pageRows,
    rowsFromPage: typedRows === null && pageRows !== null,
    rowsSource: typedRows !== null ? 'typed' : pageRows !== null ? 'page' : 'default',
    setRows: setTypedRows,
    referenceCount,
    avgReferenceTokens,
    setAvgReferenceTokens,
    avgOutputTokens,
    setAvgOutputTokens: setAvgOutOverride,
    feature,
    setFeature,
    ownKey,
    setOwnKey,
    tpm,
    log,
    logThisRun,
  };
}

function safe<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}
