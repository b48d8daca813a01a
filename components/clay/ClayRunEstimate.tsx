import type { ModelInfo } from '@/utils/core/models/model-types';
import type { ClayRunActions, ClayRunView } from '@/utils/core/clay/clay-run-view';
import { CLAY_CREDITS_SCHEME, type AiFeatureId } from '@/utils/core/clay/credit-rules';
import { formatTokens, formatUsd } from '@/components/count-format';
import { formatMinutes, formatCredits, tpmTone } from '@/components/clay/clay-format';
import { OptionList } from '@/components/OptionList';

const AI_FEATURES = CLAY_CREDITS_SCHEME.columnTypes.filter((t) => t.category === 'ai');

/**
 * The run estimate in the Clay badge: what running this prompt over the table's rows costs
 * in tokens, Clay credits or provider dollars, and whether the API tier's TPM can take it.
 */
export function ClayRunEstimate(props: { run: ClayRunView; actions: ClayRunActions; model: ModelInfo }) {
  const { run, actions } = props;
  const { estimate: e } = run;
  const set = actions.setInputs;
  const id = (name: string) => `tt-clay-${name}`;
  const tone = tpmTone(e.tpm.status);

  return (
    <section
      class="clay-run"
      aria-labelledby={id('title')}
      data-clay-rows={String(run.rows)}
      data-clay-rows-source={run.rowsSource}
      data-clay-references={String(run.referenceCount)}
      data-clay-tokens-per-row={String(e.inputTokensPerRow + e.outputTokensPerRow)}
      data-clay-total-tokens={String(e.totalTokens)}
      data-clay-credits={String(e.creditsTotal)}
      data-clay-cost-usd={e.billedUsd === null ? '' : String(e.billedUsd)}
      data-clay-tpm-status={e.tpm.status}
      data-clay-log-status={run.log.status}
    >
      <h3 id={id('title')} style="font-size:12px;margin:10px 0 6px;font-weight:600">
        Clay run estimate
      </h3>

      <label>
        <span>
          Rows{' '}
          <span class="note">
            {run.rowsFromPage ? '(from page)' : run.pageRows !== null ? `(page shows ${formatTokens(run.pageRows)})` : ''}
          </span>
        </span>
        <input
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          value={run.rows}
          aria-label="Rows to run"
          onInput={(ev) => {
            const n = Number((ev.currentTarget as HTMLInputElement).value);
            set({ typedRows: Number.isFinite(n) && n >= 0 ? Math.floor(n) : null });
          }}
        />
      </label>
      {!run.rowsFromPage && run.pageRows !== null ? (
        <button type="button" onClick={() => set({ typedRows: null })} style="margin:0 0 4px">
          Use the page's {formatTokens(run.pageRows)} rows
        </button>
      ) : null}

      <label>
        <span>Column type</span>
        <select
          aria-label="Clay AI column type"
          value={run.feature}
          onChange={(ev) => set({ chosenFeature: (ev.currentTarget as HTMLSelectElement).value as AiFeatureId })}
        >
          <OptionList items={AI_FEATURES} />
        </select>
      </label>

      <label>
        <span>Own API key ({props.model.provider})</span>
        <input
          type="checkbox"
          style="width:auto"
          checked={run.ownKey}
          onChange={(ev) => set({ ownKey: (ev.currentTarget as HTMLInputElement).checked })}
        />
      </label>

      <label>
        <span>Tokens per column reference</span>
        <input
          type="number"
          min={0}
          value={run.avgReferenceTokens}
          aria-label="Average tokens a column reference inserts"
          onInput={(ev) => {
            const n = Number((ev.currentTarget as HTMLInputElement).value);
            if (Number.isFinite(n) && n >= 0) set({ avgReferenceTokens: Math.floor(n) });
          }}
        />
      </label>

      <label>
        <span>Output tokens per row</span>
        <input
          type="number"
          min={0}
          value={run.avgOutputTokens ?? ''}
          placeholder={`max ${formatTokens(props.model.maxOutput)}`}
          aria-label="Average output tokens per row (empty = model maximum)"
          onInput={(ev) => {
            const raw = (ev.currentTarget as HTMLInputElement).value.trim();
            const n = Number(raw);
            set({ avgOutputTokens: raw === '' || !Number.isFinite(n) || n < 0 ? null : Math.floor(n) });
          }}
        />
      </label>

      <dl>
        <dt>Per row</dt>
        <dd>
          {formatTokens(e.inputTokensPerRow)} in + {e.outputIsMaximum ? '≤' : '≈'}
          {formatTokens(e.outputTokensPerRow)} out
        </dd>
        <dt>References</dt>
        <dd>
          {run.referenceCount} × {formatTokens(run.avgReferenceTokens)} tokens
        </dd>
        <dt>Total tokens</dt>
        <dd>≈{formatTokens(e.totalTokens)}</dd>
        {run.ownKey ? (
          <>
            <dt>Billed by {props.model.provider}</dt>
            <dd>{formatUsd(e.billedUsd)}</dd>
            <dt>Clay credits</dt>
            <dd>0 (own key)</dd>
          </>
        ) : (
          <>
            <dt>Clay credits</dt>
            <dd>
              {formatCredits(e.creditsTotal)} <span class="note">({formatCredits(e.creditsPerRow)}/row)</span>
            </dd>
            <dt>API equivalent</dt>
            <dd>{formatUsd(e.tokenCostUsd)}</dd>
          </>
        )}
        <dt>Rate limit</dt>
        <dd style={tone === 'bad' ? 'color:var(--err)' : tone === 'warn' ? 'color:var(--warn)' : undefined}>{e.tpm.message}</dd>
        {e.minutes !== null ? (
          <>
            <dt>Run time</dt>
            <dd>
              ≈{formatMinutes(e.minutes)} at {formatTokens(run.tpm ?? 0)} TPM
            </dd>
          </>
        ) : null}
      </dl>
      {e.outputIsMaximum ? <p class="note">Output assumes the model's maximum; set an average for a closer figure.</p> : null}

      <div class="actions">
        <button type="button" onClick={actions.logThisRun} disabled={run.log.status === 'logging'}>
          Log this run
        </button>
        <span role="status" aria-live="polite" class="note" style="margin:0">
          {run.log.status === 'logging'
            ? 'Logging…'
            : run.log.status === 'logged'
              ? `${run.log.auto ? 'Run detected, logged' : 'Logged'}: ${run.log.credits > 0 ? `${formatCredits(run.log.credits)} credits` : formatUsd(run.log.costUsd)}`
              : run.log.status === 'failed'
                ? `Not logged: ${run.log.error ?? 'error'}`
                : 'Runs started here are logged automatically'}
        </span>
      </div>
    </section>
  );
}
