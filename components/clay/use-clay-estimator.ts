import { useMemo, useState } from 'preact/hooks';
import type { ModelInfo } from '@/utils/core/models/model-types';
import { listModels, resolveModel } from '@/utils/core/models/model-registry';
import { costUsd } from '@/utils/core/models/cost';
import { DEFAULT_SETTINGS } from '@/utils/core/settings/settings-schema';
import { useSettings } from '@/components/use-settings';
import {
  chargeForRun,
  chargePerRow,
  sumMeters,
  CLAY_CREDITS_SCHEME,
  type AiFeatureId,
  type ColumnSpec,
  type MeterId,
} from '@/utils/core/clay/credit-rules';
import { estimateClayRun, type RunEstimate } from '@/utils/core/clay/run-estimate';
import { ownKeyFor, tpmFor } from '@/utils/core/clay/clay-run-view';

export interface EstimatorColumn extends ColumnSpec {
  /** Stable key for lists (columns can be removed from the middle). */
  key: number;
}

export interface EstimatorAiColumn {
  feature: AiFeatureId;
  modelId: string;
  promptTokens: number;
  referenceCount: number;
  /** null = the model's maximum output. */
  avgOutputTokens: number | null;
  ownKey: boolean;
}

export interface ClayEstimatorState {
  rows: number;
  setRows: (n: number) => void;
  columns: EstimatorColumn[];
  addColumn: (typeId?: string) => void;
  updateColumn: (key: number, change: Partial<ColumnSpec>) => void;
  removeColumn: (key: number) => void;
  /** null = no AI column in the run. */
  ai: EstimatorAiColumn | null;
  setAi: (ai: EstimatorAiColumn | null) => void;
  defaultAi: () => EstimatorAiColumn;
  models: ModelInfo[];
  aiModel: ModelInfo | null;
  /** Credits per meter for the whole run, enrichment + AI columns. */
  credits: Record<MeterId, number>;
  creditsTotal: number;
  creditsPerRow: number;
  /** The AI column's tokens, dollars and TPM fit; null without an AI column or model. */
  aiEstimate: RunEstimate | null;
  planCreditsPerMonth: number;
  premiumCredits: number;
  /** One column's credits per row, with the user's overrides applied. */
  perRowOf: (column: ColumnSpec) => number;
}

/** State and answers of the popup's standalone Clay estimator (no Clay page needed). */
export function useClayEstimator(): ClayEstimatorState {
  const settings = useSettings() ?? DEFAULT_SETTINGS;
  const [rows, setRows] = useState<number | null>(null);
  const [columns, setColumns] = useState<EstimatorColumn[]>([{ key: 1, typeId: 'enrich-person' }]);
  const [nextKey, setNextKey] = useState(2);
  const [ai, setAi] = useState<EstimatorAiColumn | null>(null);

  const models = useMemo(
    () =>
      listModels()
        .map((m) => resolveModel(m.id, settings) ?? m)
        .filter((m) => m.provider !== 'clay'),
    [settings],
  );
  const aiModel = ai ? (models.find((m) => m.id === ai.modelId) ?? null) : null;
  const effectiveRows = rows ?? settings.clay.defaultRows;

  const result = useMemo(() => {
    const overrides = settings.clay.creditsPerEnrichment;
    if (ai && aiModel) {
      const estimate = estimateClayRun(
        {
          promptTokens: ai.promptTokens,
          rows: effectiveRows,
          referenceCount: ai.referenceCount,
          avgReferenceTokens: settings.clay.avgReferenceTokens,
          avgOutputTokens: ai.avgOutputTokens,
          model: aiModel,
          feature: ai.feature,
          ownKey: ai.ownKey,
          tpm: tpmFor(settings, aiModel),
          extraColumns: columns,
          overrides,
        },
        costUsd,
      );
      return { credits: estimate.credits, creditsTotal: estimate.creditsTotal, creditsPerRow: estimate.creditsPerRow, aiEstimate: estimate };
    }
    const charge = chargeForRun({ scheme: CLAY_CREDITS_SCHEME, columns, rows: effectiveRows, overrides });
    return { credits: charge.total, creditsTotal: sumMeters(charge.total), creditsPerRow: sumMeters(charge.perRow), aiEstimate: null };
  }, [settings, ai, aiModel, columns, effectiveRows]);

  const defaultAi = (): EstimatorAiColumn => {
    const model = models.find((m) => m.id === 'gpt-4o-mini') ?? models[0];
    return {
      feature: 'use-ai',
      modelId: model?.id ?? 'gpt-4o-mini',
      promptTokens: 200,
      referenceCount: 2,
      avgOutputTokens: settings.clay.avgOutputTokens ?? 200,
      ownKey: model ? ownKeyFor(settings, model) : false,
    };
  };

  return {
    rows: effectiveRows,
    setRows: (n) => setRows(Number.isFinite(n) && n >= 0 ? Math.floor(n) : 0),
    columns,
    addColumn: (typeId = 'enrich-person') => {
      setColumns((c) => [...c, { key: nextKey, typeId }]);
      setNextKey((k) => k + 1);
    },
    updateColumn: (key, change) => setColumns((c) => c.map((col) => (col.key === key ? { ...col, ...change } : col))),
    removeColumn: (key) => setColumns((c) => c.filter((col) => col.key !== key)),
    ai,
    setAi,
    defaultAi,
    models,
    aiModel,
    ...result,
    planCreditsPerMonth: settings.clay.planCreditsPerMonth,
    premiumCredits: settings.clay.premiumCredits,
    perRowOf: (column) => sumMeters(chargePerRow(CLAY_CREDITS_SCHEME, column, settings.clay.creditsPerEnrichment)),
  };
}
