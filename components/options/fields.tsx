import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { TextBinding, ValueBinding } from '@/components/options/form-bindings';

/** Form controls for the options page: label, input, hint and inline error, wired for screen readers. */

const describedBy = (id: string, hint?: ComponentChildren, error?: string) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p class="field-error" id={`${id}-error`}>
      {error}
    </p>
  );
}

/** A field's hint and error under it; their ids are what the field's aria-describedby names. */
function FieldNotes({ id, hint, error }: { id: string; hint?: ComponentChildren; error?: string }) {
  return (
    <>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={id} error={error} />
    </>
  );
}

/** A narrow number input for a table cell, labelled by its row (or by `label` when the row has no <label>). */
export function CellInput(props: { binding: TextBinding; label?: string; placeholder?: string }) {
  const { binding: b, label, placeholder } = props;
  return (
    <>
      <input
        id={b.id}
        type="text"
        inputMode="decimal"
        class="narrow"
        aria-label={label}
        placeholder={placeholder}
        value={b.text}
        aria-invalid={b.error ? 'true' : undefined}
        aria-describedby={b.error ? `${b.id}-error` : undefined}
        onInput={(e) => b.onInput(e.currentTarget.value)}
      />
      <FieldError id={b.id} error={b.error} />
    </>
  );
}

export function TextField(props: {
  label: ComponentChildren;
  binding: TextBinding;
  hint?: ComponentChildren;
  placeholder?: string;
  suffix?: string;
  inputMode?: 'decimal' | 'numeric' | 'text';
  wide?: boolean;
}) {
  const { binding: b, label, hint, placeholder, suffix, inputMode = 'decimal', wide } = props;
  return (
    <div class={`field${b.error ? ' invalid' : ''}`}>
      <label for={b.id}>{label}</label>
      <div class="input-row">
        <input
          id={b.id}
          class={wide ? 'wide' : undefined}
          type="text"
          inputMode={inputMode}
          autocomplete="off"
          spellcheck={false}
          value={b.text}
          placeholder={placeholder}
          aria-invalid={b.error ? 'true' : undefined}
          aria-describedby={describedBy(b.id, hint, b.error)}
          onInput={(e) => b.onInput(e.currentTarget.value)}
        />
        {suffix && <span class="suffix">{suffix}</span>}
      </div>
      <FieldNotes id={b.id} hint={hint} error={b.error} />
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
}

export function SelectField(props: {
  label: ComponentChildren;
  id: string;
  value: string;
  choices: Choice[];
  onChange: (value: string) => void;
  error?: string;
  hint?: ComponentChildren;
}) {
  const { id, label, value, choices, onChange, error, hint } = props;
  return (
    <div class={`field${error ? ' invalid' : ''}`}>
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

export function CheckboxField(props: { label: ComponentChildren; binding: ValueBinding<boolean>; hint?: ComponentChildren; onToggle?: (next: boolean) => void }) {
  const { binding: b, label, hint, onToggle } = props;
  return (
    <div class={`field checkbox${b.error ? ' invalid' : ''}`}>
      <input
        id={b.id}
        type="checkbox"
        checked={b.value}
        aria-describedby={describedBy(b.id, hint, b.error)}
        onChange={(e) => (onToggle ?? b.onChange)(e.currentTarget.checked)}
      />
      <label for={b.id}>{label}</label>
      <FieldNotes id={b.id} hint={hint} error={b.error} />
    </div>
  );
}

/** Opens when the address names it (a click in the section list, a link from the popup). */
function useOpenOnHash(id: string): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(() => location.hash === `#${id}`);
  useEffect(() => {
    const onHash = () => location.hash === `#${id}` && setOpen(true);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [id]);
  return [open, setOpen];
}

function CollapsibleSection(props: { id: string; title: string; summary?: string; intro?: ComponentChildren; children: ComponentChildren }) {
  const [open, setOpen] = useOpenOnHash(props.id);
  return (
    <section class="section collapsible" id={props.id} aria-labelledby={`${props.id}-title`}>
      <details open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary>
          <h2 id={`${props.id}-title`}>{props.title}</h2>
          {props.summary && <span class="summary-hint">{props.summary}</span>}
        </summary>
        {props.intro && <p class="intro">{props.intro}</p>}
        {props.children}
      </details>
    </section>
  );
}

/** A section of the page; `collapsible` ones start closed with a one-line summary, so the page can be scanned. */
export function Section(props: { id: string; title: string; intro?: ComponentChildren; children: ComponentChildren; collapsible?: boolean; summary?: string }) {
  if (props.collapsible) return <CollapsibleSection {...props} />;
  return (
    <section class="section" id={props.id} aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.intro && <p class="intro">{props.intro}</p>}
      {props.children}
    </section>
  );
}
