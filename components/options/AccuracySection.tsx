import { useState } from 'preact/hooks';
import type { FormBindings } from '@/components/options/form-bindings';
import type { CountingRuleRow } from '@/utils/core/settings/price-catalog';
import type { CorrectionRow } from '@/components/options/use-estimate-corrections';
import { formatBand } from '@/components/count-format';
import { CheckboxField, Section, TextField } from '@/components/options/fields';
import { TableHead } from '@/components/TableHead';

export interface AccuracyProps {
  b: FormBindings;
  /** How each kind of model is counted, with its band and where the band comes from. */
  rules: CountingRuleRow[];
  /** The default of the legacy single Claude factor (a user's own factor is read relative to it). */
  legacyClaudeFactor: number;
  /** What the estimates learned from the user's exact counts; undefined while loading. */
  corrections: CorrectionRow[] | undefined;
  onResetCorrections: () => Promise<void>;
  /** Masked stored key, null = none, undefined = loading. */
  maskedKey: string | null | undefined;
  onSaveKey: (key: string) => Promise<{ ok: true } | { ok: false; error: string }>;
  onClearKey: () => Promise<void>;
  onToggleExact: (next: boolean) => void;
}

export function AccuracySection(props: AccuracyProps) {
  const { b, rules, legacyClaudeFactor, maskedKey } = props;
  const exact = b.value<boolean>(['anthropicExactCounts']);
  const legacy = b.value<number | null>(['claudeTokenFactor']);
  const adjust = b.value<number | null>(['claudeEstimateAdjust']);
  return (
    <Section
      id="accuracy"
      title="Accuracy"
      collapsible
      summary="How each count is made, exact Claude counts with your own key, and the estimate adjustments."
      intro="OpenAI counts are exact. Claude and Gemini counts are estimates, each shown with its error band (≈ 1,234 ±14%): no public tokenizer matches their current models."
    >
      <table class="rules" aria-label="How each model is counted">
        <TableHead columns={['Counted as', 'Band', 'Where the band comes from']} />
        <tbody>
          {rules.map((r) => (
            <tr key={r.id} data-rule={r.id}>
              <td>
                {r.summary}
                {r.examples.length ? <span class="hint"> (e.g. {r.examples.join(', ')})</span> : null}
              </td>
              <td data-field="band">{r.exact ? 'exact' : formatBand(r.band)}</td>
              <td class="hint">{r.bandSource}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <TextField
        label="Your adjustment to Claude estimates"
        binding={b.number(['claudeEstimateAdjust'])}
        placeholder="None"
        suffix="× the estimate"
        hint={
          <>
            Multiplies every Claude estimate, e.g. 1.05 if your exact counts keep coming out 5% higher. Empty means none. Claude estimates are now made per
            script (Latin, CJK, Korean, Cyrillic, …) and per tokenizer generation (Claude up to 4.6, and 4.7 onwards) instead of one factor.
          </>
        }
      />
      <LearnedCorrections corrections={props.corrections} onReset={props.onResetCorrections} />
      {legacy.value != null ? (
        <div class="field" data-field="legacy-claude-factor">
          <p class="hint" role="note">
            {adjust.value == null
              ? `You had set Claude counts to ${legacy.value} × the GPT-4o count. Estimates no longer use one factor, so your choice is kept relative to the old default (${legacyClaudeFactor}): ×${(legacy.value / legacyClaudeFactor).toFixed(3)} over the new estimate, until you set an adjustment above.`
              : `You had set Claude counts to ${legacy.value} × the GPT-4o count; your adjustment above replaces it.`}
          </p>
          <button type="button" class="secondary" onClick={() => legacy.onChange(null)}>
            Forget my earlier factor
          </button>
        </div>
      ) : null}
      <fieldset>
        <legend>Exact Claude counts (optional)</legend>
        <p class="warning" id="exact-warning">
          When this is on, the text of your Claude prompts is sent to Anthropic (api.anthropic.com/v1/messages/count_tokens) with your own API key to get exact counts.
          Everything else in TokenTally stays in your browser. Off by default.
        </p>
        <CheckboxField
          label="Get exact Claude counts from Anthropic (sends prompt text to Anthropic)"
          binding={exact}
          onToggle={props.onToggleExact}
        />
        <KeyForm {...props} maskedKey={maskedKey} />
      </fieldset>
    </Section>
  );
}

function LearnedCorrections({ corrections, onReset }: { corrections: CorrectionRow[] | undefined; onReset: () => Promise<void> }) {
  const [message, setMessage] = useState<string | null>(null);
  if (!corrections) return null;
  const any = corrections.some((c) => c.correction);
  return (
    <div class="field" data-field="estimate-corrections">
      <p class="label">Learned from your exact counts</p>
      <p class="hint">
        Each exact Claude count (from Anthropic's endpoint when that is on, or a count a console shows after a run) is compared with the estimate of the
        same text, and a bounded running ratio corrects later estimates towards your kind of text. Only the ratios are kept, never the text.
      </p>
      <ul>
        {corrections.map((c) => (
          <li key={c.estimator} data-estimator={c.estimator}>
            {c.label}:{' '}
            {c.correction
              ? `×${c.correction.ratio.toFixed(3)} from ${c.correction.samples} exact count${c.correction.samples === 1 ? '' : 's'} (last ${new Date(c.correction.updated).toISOString().slice(0, 10)})`
              : 'no exact counts yet (×1)'}
          </li>
        ))}
      </ul>
      <button
        type="button"
        class="secondary"
        disabled={!any}
        onClick={async () => {
          await onReset();
          setMessage('Corrections reset: estimates use the calibrated factors only.');
        }}
      >
        Reset learned corrections
      </button>
      {message && (
        <p class="ok" role="status">
          {message}
        </p>
      )}
    </div>
  );
}

function KeyForm({ maskedKey, onSaveKey, onClearKey }: Pick<AccuracyProps, 'maskedKey' | 'onSaveKey' | 'onClearKey'>) {
  const [key, setKey] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const id = 'anthropic-api-key';
  const saveKey = async () => {
    const result = await onSaveKey(key);
    if (result.ok) {
      setKey('');
      setMessage({ error: false, text: 'Key saved.' });
    } else setMessage({ error: true, text: result.error });
  };
  return (
    <div class={`field${message?.error ? ' invalid' : ''}`}>
      <label for={id}>Anthropic API key</label>
      <p class="hint" id={`${id}-hint`}>
        {maskedKey ? `Stored: ${maskedKey}. ` : 'No key stored. '}
        Kept in this browser only, where web pages and the extension's page scripts cannot read it: never synced, never exported.
      </p>
      <div class="input-row">
        <input
          id={id}
          type="password"
          class="wide"
          autocomplete="off"
          spellcheck={false}
          placeholder="sk-ant-api03-…"
          value={key}
          aria-invalid={message?.error ? 'true' : undefined}
          aria-describedby={`${id}-hint${message ? ` ${id}-message` : ''}`}
          onInput={(e) => {
            setKey(e.currentTarget.value);
            setMessage(null);
          }}
          onKeyDown={(e) => {
            // Enter saves the key, not the settings form around it.
            if (e.key === 'Enter') {
              e.preventDefault();
              void saveKey();
            }
          }}
        />
        <button type="button" onClick={saveKey}>
          Save key
        </button>
        {maskedKey && (
          <button
            type="button"
            class="secondary"
            onClick={async () => {
              await onClearKey();
              setMessage({ error: false, text: 'Key removed.' });
            }}
          >
            Remove key
          </button>
        )}
      </div>
      {message && (
        <p class={message.error ? 'field-error' : 'ok'} id={`${id}-message`} role="status">
          {message.text}
        </p>
      )}
    </div>
  );
}
