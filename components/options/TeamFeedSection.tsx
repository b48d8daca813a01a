import { useState } from 'preact/hooks';
import type { TextBinding } from '@/components/options/form-bindings';
import type { FeedStatus } from '@/utils/core/telemetry/feed-status';
import { FieldError, Section } from '@/components/options/fields';

export interface TeamFeedProps {
  endpoint: TextBinding;
  serviceName: TextBinding;
  identity: TextBinding;
  /** Paths the organisation's policy sets (joined with "."), locked here. */
  managed: string[];
  policyProblems: string[];
  policyHeaders: boolean;
  status: FeedStatus | null;
  waiting: number;
  headerNames: string[];
  onSaveHeaders: (text: string) => Promise<{ ok: true } | { ok: false; error: string }>;
}

const when = (ms: number) => new Date(ms).toLocaleString();

function FeedField(props: { label: string; name: string; binding: TextBinding; hint: string; placeholder?: string; locked: boolean }) {
  const { binding: b, locked } = props;
  return (
    <div class={`field${b.error ? ' invalid' : ''}`}>
      <label for={b.id}>{props.label}</label>
      <div class="input-row">
        <input
          id={b.id}
          name={props.name}
          class="wide"
          type="text"
          inputMode="url"
          autocomplete="off"
          spellcheck={false}
          value={b.text}
          placeholder={props.placeholder}
          disabled={locked}
          aria-invalid={b.error ? 'true' : undefined}
          aria-describedby={`${b.id}-hint${b.error ? ` ${b.id}-error` : ''}`}
          onInput={(e) => b.onInput(e.currentTarget.value)}
        />
      </div>
      <p class="hint" id={`${b.id}-hint`}>
        {locked ? 'Set by your organisation’s policy. ' : ''}
        {props.hint}
      </p>
      <FieldError id={b.id} error={b.error} />
    </div>
  );
}

function FeedStatusView({ status, waiting }: { status: FeedStatus | null; waiting: number }) {
  if (!status) return null;
  return (
    <dl class="feed-status" data-testid="feed-status">
      <dt>Last export</dt>
      <dd data-field="last-export">{status.lastExportAt ? `${when(status.lastExportAt)}: ${status.lastExportTurns} turn${status.lastExportTurns === 1 ? '' : 's'} (${status.sentTurns} in all)` : 'None yet'}</dd>
      <dt>Last error</dt>
      <dd data-field="last-error" role={status.lastError && status.failures ? 'alert' : undefined}>
        {status.lastError ? `${when(status.lastError.at)}: ${status.lastError.message}` : 'None'}
      </dd>
      <dt>Waiting to be sent</dt>
      <dd data-field="waiting">
        {waiting.toLocaleString()} turn{waiting === 1 ? '' : 's'}
        {status.failures && status.retryAt ? `; next try ${when(status.retryAt)}` : ''}
      </dd>
    </dl>
  );
}

function HeadersField(props: { names: string[]; locked: boolean; onSave: TeamFeedProps['onSaveHeaders'] }) {
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const save = async () => {
    const result = await props.onSave(text);
    setMessage(result.ok ? { ok: true, text: 'Headers saved.' } : { ok: false, text: result.error });
    if (result.ok) setText('');
  };
  return (
    <div class={`field${message && !message.ok ? ' invalid' : ''}`}>
      <label for="otlp-headers">Headers (optional)</label>
      <textarea id="otlp-headers" name="otlp-headers" rows={3} spellcheck={false} autocomplete="off" placeholder="x-api-key: …" value={text} aria-describedby="otlp-headers-hint" onInput={(e) => setText(e.currentTarget.value)} />
      <p class="hint" id="otlp-headers-hint">
        One <code>Name: value</code> a line, e.g. the collector’s API key. Kept in this browser only (never synced or exported) and shown by name only.{' '}
        {props.names.length ? `Saved: ${props.names.join(', ')}.` : 'None saved.'} {props.locked ? 'Your organisation’s policy also sets headers; its values win.' : ''}
      </p>
      <button type="button" class="secondary" onClick={() => void save()}>
        {text.trim() ? 'Save headers' : 'Remove saved headers'}
      </button>
      {message && (
        <p class={message.ok ? 'hint' : 'field-error'} role="status">
          {message.text}
        </p>
      )}
    </div>
  );
}

/** The opt-in OTLP feed of counts to the team's collector, its status, and what a policy set. */
export function TeamFeedSection(props: TeamFeedProps) {
  const locked = (path: string) => props.managed.includes(path);
  return (
    <Section
      id="team-feed"
      title="Team usage feed"
      intro="Off unless you enter a collector. Sends each recorded turn’s counts (input and output tokens, cache reads, thinking), model, site, cost and turns, with the identity below, as OpenTelemetry metrics to that address only. Never any text."
    >
      {props.policyProblems.length > 0 && (
        <p class="warning" role="note">
          Your organisation’s policy has values TokenTally could not use: {props.policyProblems.join('; ')}.
        </p>
      )}
      <FeedField
        label="OTLP/HTTP endpoint"
        name="otlp-endpoint"
        binding={props.endpoint}
        locked={locked('teamFeed.endpoint')}
        placeholder="https://otel-collector.example.com:4318"
        hint="The collector’s base address; points go to …/v1/metrics as JSON. Saving asks the browser for access to that host. Empty turns the feed off."
      />
      <FeedField label="Service name" name="otlp-service-name" binding={props.serviceName} locked={locked('teamFeed.serviceName')} hint="Sent as service.name." />
      <FeedField label="Your identity (optional)" name="otlp-identity" binding={props.identity} locked={locked('teamFeed.identity')} placeholder="you@example.com" hint="Sent as user.email (or user.name if it is not an email), so your team can tell whose usage it is." />
      <HeadersField names={props.headerNames} locked={props.policyHeaders} onSave={props.onSaveHeaders} />
      <FeedStatusView status={props.status} waiting={props.waiting} />
    </Section>
  );
}
