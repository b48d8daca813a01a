import {
  useClayEstimator,
  type ClayEstimatorState,
  type EstimatorAiColumn,
  type EstimatorColumn,
} from '@/components/clay/use-clay-estimator';
import { CLAY_CREDITS_SCHEME, sumMeters, type AiFeatureId } from '@/utils/core/clay/credit-rules';
import { formatTokens, formatUsd } from '@/components/count-format';
import { formatCredits, formatMinutes, tpmTone } from '@/components/clay/clay-format';
import { OptionList } from '@/components/OptionList';

const ENRICHMENT_TYPES = CLAY_CREDITS_SCHEME.columnTypes.filter((t) => t.category !== 'ai');
const AI_TYPES = CLAY_CREDITS_SCHEME.columnTypes.filter((t) => t.category === 'ai');

// Scoped to the estimator so it looks right wherever the popup mounts it.
const ESTIMATOR_CSS = `
.tt-clay-estimator { display: grid; gap: 8px; }
.tt-clay-estimator h3 { font-size: 13px; margin: 0; }
.tt-clay-estimator fieldset { border: 1px solid #d1d9e0; border-radius: 6px; padding: 6px 8px; margin: 0; }
.tt-clay-estimator ul { list-style: none; margin: 0 0 6px; padding: 0; display: grid; gap: 4px; }
.tt-clay-estimator li { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
.tt-clay-estimator li select { flex: 1 1 160px; min-width: 0; }
.tt-clay-estimator .clay-field { display: flex; justify-content: space-between; align-items: center; gap: 8px; margin: 4px 0; }
.tt-clay-estimator input[type="number"] { width: 90px; text-align: right; }
.tt-clay-estimator .clay-note { color: #59636e; font-size: 11px; margin: 2px 0; }
.tt-clay-estimator dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 4px 0; }
.tt-clay-estimator dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
.tt-clay-estimator [data-tone="bad"] { color: #cf222e; }
.tt-clay-estimator [data-tone="warn"] { color: #bc4c00; }
.tt-clay-estimator :focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
`;

const readNumber = (ev: Event): number => Number((ev.currentTarget as HTMLInputElement).value);

/**
 * The popup's standalone Clay estimator: rows x columns (with their credit costs), own-key
 * switches, and an optional AI column answered in tokens, dollars and TPM fit.
 */
export function ClayEstimator() {
  const s = useClayEstimator();

  return (
    <section class="tt-clay-estimator" aria-labelledby="tt-clay-est-title" data-clay-credits={String(s.creditsTotal)}>
      <style>{ESTIMATOR_CSS}</style>
      <h3 id="tt-clay-est-title">Estimate a Clay run: credits, tokens, dollars</h3>

      <label class="clay-field">
        <span>Rows</span>
        <input type="number" min={0} step={1} inputMode="numeric" value={s.rows} onInput={(ev) => s.setRows(readNumber(ev))} />
      </label>

      <EnrichmentColumns s={s} />
      <AiColumn s={s} />
      <EstimateResult s={s} />
    </section>
  );
}

function EnrichmentColumns({ s }: { s: ClayEstimatorState }) {
  return (
    <fieldset class="clay-columns">
      <legend>Enrichment columns</legend>
      {s.columns.length === 0 ? <p class="clay-note">No enrichment columns.</p> : null}
      <ul>
        {s.columns.map((col, i) => (
          <EnrichmentColumnRow key={col.key} s={s} col={col} index={i} />
        ))}
      </ul>
      <button type="button" onClick={() => s.addColumn()}>
        Add enrichment column
      </button>
    </fieldset>
  );
}

function EnrichmentColumnRow({ s, col, index }: { s: ClayEstimatorState; col: EstimatorColumn; index: number }) {
  const perRow = s.perRowOf(col);
  return (
    <li data-clay-column={col.typeId}>
      <select
        aria-label={`Column ${index + 1} type`}
        value={col.typeId}
        onChange={(ev) => s.updateColumn(col.key, { typeId: (ev.currentTarget as HTMLSelectElement).value })}
      >
        {ENRICHMENT_TYPES.map((t) => (
          <option value={t.id} key={t.id}>
            {t.label} · {formatCredits(sumMeters(t.charges))} {t.category === 'premium' ? 'premium' : 'cr'}
          </option>
        ))}
      </select>
      <label>
        <input
          type="checkbox"
          checked={!!col.ownKey}
          onChange={(ev) => s.updateColumn(col.key, { ownKey: (ev.currentTarget as HTMLInputElement).checked })}
        />
        Own key
      </label>
      <span class="clay-note" aria-label={`${perRow} credits per row`}>
        {formatCredits(perRow)}/row
      </span>
      <button type="button" onClick={() => s.removeColumn(col.key)} aria-label={`Remove column ${index + 1}`}>
        Remove
      </button>
    </li>
  );
}

function AiColumn({ s }: { s: ClayEstimatorState }) {
  return (
    <fieldset class="clay-ai">
      <legend>AI column</legend>
      <label>
        <input
          type="checkbox"
          checked={s.ai !== null}
          onChange={(ev) => s.setAi((ev.currentTarget as HTMLInputElement).checked ? s.defaultAi() : null)}
        />
        Include an AI column (Use AI, Claygent, ChatGPT Generate Text)
      </label>
      {s.ai ? <AiColumnFields ai={s.ai} s={s} /> : null}
    </fieldset>
  );
}

function AiColumnFields({ ai, s }: { ai: EstimatorAiColumn; s: ClayEstimatorState }) {
  return (
    <div>
      <label class="clay-field">
        <span aria-hidden="true">Type</span>
        <select
          aria-label="AI column type"
          value={ai.feature}
          onChange={(ev) => s.setAi({ ...ai, feature: (ev.currentTarget as HTMLSelectElement).value as AiFeatureId })}
        >
          <OptionList items={AI_TYPES} />
        </select>
      </label>
      <label class="clay-field">
        <span aria-hidden="true">Model</span>
        <select aria-label="AI model" value={ai.modelId} onChange={(ev) => s.setAi({ ...ai, modelId: (ev.currentTarget as HTMLSelectElement).value })}>
          <OptionList items={s.models} />
        </select>
      </label>
      <label class="clay-field">
        <span>Prompt tokens</span>
        <input type="number" min={0} value={ai.promptTokens} onInput={(ev) => s.setAi({ ...ai, promptTokens: Math.max(0, readNumber(ev) || 0) })} />
      </label>
      <label class="clay-field">
        <span>Column references in the prompt</span>
        <input type="number" min={0} value={ai.referenceCount} onInput={(ev) => s.setAi({ ...ai, referenceCount: Math.max(0, readNumber(ev) || 0) })} />
      </label>
      <label class="clay-field">
        <span>Output tokens per row</span>
        <input
          type="number"
          min={0}
          value={ai.avgOutputTokens ?? ''}
          placeholder={s.aiModel ? `max ${formatTokens(s.aiModel.maxOutput)}` : 'max'}
          onInput={(ev) => {
            const raw = (ev.currentTarget as HTMLInputElement).value.trim();
            s.setAi({ ...ai, avgOutputTokens: raw === '' ? null : Math.max(0, Number(raw) || 0) });
          }}
        />
      </label>
      <label>
        <input type="checkbox" checked={ai.ownKey} onChange={(ev) => s.setAi({ ...ai, ownKey: (ev.currentTarget as HTMLInputElement).checked })} />
        Own API key (the provider bills tokens, 0 credits)
      </label>
    </div>
  );
}

/** The answer, announced as it changes: the run's credits, its share of the plan, and the AI column's tokens. */
function EstimateResult({ s }: { s: ClayEstimatorState }) {
  const ai = s.aiEstimate;
  const planShare = s.planCreditsPerMonth > 0 ? (s.credits.credits ?? 0) / s.planCreditsPerMonth : null;
  return (
    <div class="clay-result" role="status" aria-live="polite">
      <p>
        <strong data-clay-result="credits">{formatCredits(s.creditsTotal)} credits</strong> ({formatCredits(s.creditsPerRow)} per row ×{' '}
        {formatTokens(s.rows)} rows)
        {s.credits.premium ? ` incl. ${formatCredits(s.credits.premium)} premium` : ''}
      </p>
      {planShare !== null ? (
        <p class="clay-note">
          {Math.round(planShare * 1000) / 10}% of your {formatCredits(s.planCreditsPerMonth)}-credit monthly plan
        </p>
      ) : null}
      {ai ? (
        <dl>
          <dt>AI tokens</dt>
          <dd data-clay-result="tokens">
            ≈{formatTokens(ai.totalTokens)} ({formatTokens(ai.inputTokensPerRow)} in + {ai.outputIsMaximum ? '≤' : '≈'}
            {formatTokens(ai.outputTokensPerRow)} out per row)
          </dd>
          <dt>{s.ai?.ownKey ? 'Billed by provider' : 'API equivalent'}</dt>
          <dd data-clay-result="usd">{formatUsd(ai.tokenCostUsd)}</dd>
          <dt>Rate limit</dt>
          <dd data-clay-result="tpm" data-tone={tpmTone(ai.tpm.status)}>
            {ai.tpm.message}
          </dd>
          {ai.minutes !== null ? (
            <>
              <dt>Run time</dt>
              <dd>≈{formatMinutes(ai.minutes)}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      <p class="clay-note">Errors are free; re-runs are charged again per row. Estimates, per Clay's documented credit rules.</p>
    </div>
  );
}
