import type { ModelInfo } from '@/utils/core/models/model-types';
import {
  chargeForRun,
  sumMeters,
  DEFAULT_CREDIT_SCHEME,
  type AiFeatureId,
  type ColumnSpec,
  type CreditOverrides,
  type CreditScheme,
  type MeterId,
  type RunOutcomes,
} from '@/utils/core/clay/credit-rules';
import { checkTpm, runMinutes, type TpmCheck } from '@/utils/core/clay/tpm-requirements';

/** Prices a run; pass `costUsd` from utils/core/models/cost.ts (kept as a parameter so this stays pure). */
export type PriceFn = (model: ModelInfo, inputTokens: number, outputTokens: number) => number | null;

export interface RunEstimateInput {
  /** Tokens of the prompt as typed (reference chips count as their label). */
  promptTokens: number;
  rows: number;
  /** Column references in the prompt; each inserts a row's value at run time. */
  referenceCount: number;
  /** Average tokens one reference inserts (settings.clay.avgReferenceTokens). */
  avgReferenceTokens: number;
  /** Output tokens per row: the user's average, or the model's maximum output when null. */
  avgOutputTokens: number | null;
  model: ModelInfo;
  /** Which Clay AI feature the column is (decides the credit type and TPM requirement). */
  feature: AiFeatureId;
  ownKey: boolean;
  /** The user's tier for the model's provider (settings.limits[provider].tpm). */
  tpm: number | null;
  /** Other columns run in the same pass (enrichments, formatters...). */
  extraColumns?: ColumnSpec[];
  /** Times each row is run (re-runs are charged again). Default 1. */
  runs?: number;
  outcomes?: RunOutcomes;
  scheme?: CreditScheme;
  overrides?: CreditOverrides;
}

export interface RunEstimate {
  rows: number;
  inputTokensPerRow: number;
  outputTokensPerRow: number;
  /** True when output is the model's maximum (an upper bound), false when the user's average. */
  outputIsMaximum: boolean;
  totalInputTokens: number;
  totalOutputTokens: number;
  totalTokens: number;
  /** What the provider bills for the tokens; null without a known price. */
  tokenCostUsd: number | null;
  /** Dollars the user pays for tokens: with an own key the provider bills them; with Clay credits, 0. */
  billedUsd: number | null;
  /** Clay credits per meter for the whole run (empty with an own key). */
  credits: Record<MeterId, number>;
  creditsTotal: number;
  creditsPerRow: number;
  tpm: TpmCheck;
  /** Minutes the run's tokens take at the configured TPM; null without one. */
  minutes: number | null;
}

export function estimateClayRun(input: RunEstimateInput, price: PriceFn): RunEstimate {
  const rows = whole(input.rows);
  const runs = input.runs === undefined ? 1 : whole(input.runs);
  const inputTokensPerRow = whole(input.promptTokens) + whole(input.referenceCount) * whole(input.avgReferenceTokens);
  const outputIsMaximum = input.avgOutputTokens === null;
  const outputTokensPerRow = whole(input.avgOutputTokens ?? input.model.maxOutput);
  // Errored rows are free in credits, but the tokens were still sent; count every run row.
  const rowRuns = rows * runs;
  const totalInputTokens = inputTokensPerRow * rowRuns;
  const totalOutputTokens = outputTokensPerRow * rowRuns;
  const totalTokens = totalInputTokens + totalOutputTokens;
  const tokenCostUsd = price(input.model, totalInputTokens, totalOutputTokens);

  const aiColumn: ColumnSpec = { typeId: input.feature, ownKey: input.ownKey, modelId: input.model.id };
  const charge = chargeForRun({
    scheme: input.scheme ?? DEFAULT_CREDIT_SCHEME,
    columns: [aiColumn, ...(input.extraColumns ?? [])],
    rows,
    runs,
    outcomes: input.outcomes,
    overrides: input.overrides,
  });

  return {
    rows,
    inputTokensPerRow,
    outputTokensPerRow,
    outputIsMaximum,
    totalInputTokens,
    totalOutputTokens,
    totalTokens,
    tokenCostUsd,
    billedUsd: input.ownKey ? tokenCostUsd : 0,
    credits: charge.total,
    creditsTotal: sumMeters(charge.total),
    creditsPerRow: sumMeters(charge.perRow),
    tpm: checkTpm({ feature: input.feature, provider: input.model.provider, modelId: input.model.id, ownKey: input.ownKey, tpm: input.tpm }),
    minutes: input.ownKey ? runMinutes(totalTokens, input.tpm) : null,
  };
}

function whole(n: number): number {
  return Number.isFinite(n) && n > 0 ? Math.round(n) : 0;
}
