import { useState } from 'preact/hooks';
import type { FormBindings } from '@/utils/settings/form-bindings';
import { CheckboxField, Section, TextField } from './fields';

export interface AccuracyProps {
  b: FormBindings;
  claudeFactorDefault: number;
  claudeFactorSource: string;
  /** Masked stored key, null = none, undefined = loading. */
  maskedKey: string | null | undefined;
  onSaveKey: (key: string) => Promise<{ ok: true } | { ok: false; error: string }>;
  onClearKey: () => Promise<void>;
  onToggleExact: (next: boolean) => void;
}

export function AccuracySection(props: AccuracyProps) {
  const { b, claudeFactorDefault, claudeFactorSource, maskedKey } = props;
  const exact = b.value<boolean>(['anthropicExactCounts']);
  return (
    <Section
      id="accuracy"
      title="Accuracy"
      intro="OpenAI counts are exact. Claude and Gemini counts are estimates: no public tokenizer matches their current models."
    >
      <TextField
        label="Claude estimate factor"
        binding={b.number(['claudeTokenFactor'])}
        placeholder={`Default: ${claudeFactorDefault}`}
        suffix="× GPT-4o count"
        hint={
          <>
            Claude counts are estimated as the GPT-4o (o200k) count times this factor. Empty uses the default, {claudeFactorDefault}: {claudeFactorSource}
          </>
        }
      />
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
