import type { ModelInfo } from '@/utils/core/models/model-types';
import type { ClayRunActions, ClayRunView } from '@/utils/core/clay/clay-run-view';
import type { ClayRunLog } from '@/utils/core/page/page-state';
import { CLAY_CREDITS_SCHEME, type AiFeatureId } from '@/utils/core/clay/credit-rules';
import { formatTokens, formatUsd } from '@/components/count-format';
import { formatMinutes, formatCredits, tpmTone } from '@/components/clay/clay-format';
import { OptionList } from '@/components/OptionList';

const AI_FEATURES = CLAY_CREDITS_SCHEME.columnTypes.filter((t) => t.category === 'ai');

type SetInputs = ClayRunActions['setInputs'];

/**
 * The run estimate in the Clay badge: what running this prompt over the table's rows costs
 * in tokens, Clay credits or provider dollars, and whether the API tier's TPM can take it.
 */
export function ClayRunEstimate(props: { run: ClayRunView; actions: ClayRunActions; model: ModelInfo }) {
  const { run, actions } = props;
  const { estimate: e } = run;
  const id = (name: string) => `tt-clay-${name}`;

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

      <RowsInput run={run} set={actions.setInputs} />
      <RunSettings run={run} set={actions.setInputs} model={props.model} />
      <RunFigures run={run} model={props.model} />
      <RunLogAction log={run.log} onLog={actions.logThisRun} />
    </section>
  );
}

/** The rows to run: the page's count until the user types their own, with a way back to it. */
function RowsInput({ run, set }: { run: ClayRunView; set: SetInputs }) {
  return (
    <>
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
    </>
  );
}

/** What the column is and how it is billed: its type, own key, and the token sizes per row. */
function RunSettings({ run, set, model }: { run: ClayRunView; set: SetInputs; model: ModelInfo }) {
  return (
    <>
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
        <span>Own API key ({model.provider})</span>
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
          placeholder={`max ${formatTokens(model.maxOutput)}`}
          aria-label="Average output tokens per row (empty = model maximum)"
          onInput={(ev) => {
            const raw = (ev.currentTarget as HTMLInputElement).value.trim();
            const n = Number(raw);
            set({ avgOutputTokens: raw === '' || !Number.isFinite(n) || n < 0 ? null : Math.floor(n) });
          }}
        />
      </label>
    </>
  );
}

/** The estimate itself: tokens, what is billed and by whom, the TPM fit and the run time. */
function RunFigures({ run, model }: { run: ClayRunView; model: ModelInfo }) {
  const { estimate: e } = run;
  const tone = tpmTone(e.tpm.status);
  return (
    <>
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
            <dt>Billed by {model.provider}</dt>
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
    </>
  );
}

function logStatusText(log: ClayRunLog): string {
  switch (log.status) {
    case 'logging':
      return 'Logging…';
    case 'logged':
      return `${log.auto ? 'Run detected, logged' : 'Logged'}: ${log.credits > 0 ? `${formatCredits(log.credits)} credits` : formatUsd(log.costUsd)}`;
    case 'failed':
      return `Not logged: ${log.error ?? 'error'}`;
    default:
      return 'Runs started here are logged automatically';
  }
}

function RunLogAction({ log, onLog }: { log: ClayRunLog; onLog: () => void }) {
  return (
    <div class="actions">
      <button type="button" onClick={onLog} disabled={log.status === 'logging'}>
        Log this run
      </button>
      <span role="status" aria-live="polite" class="note" style="margin:0">
        {logStatusText(log)}
      </span>
    </div>
  );
}
