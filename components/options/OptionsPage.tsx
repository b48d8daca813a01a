import type { ComponentChildren } from 'preact';
import type { SaveStatus } from '@/components/options/use-options-form';
import { SaveBar } from '@/components/options/SaveBar';

const NAV = [
  ['limits', 'Limits'],
  ['plan-limits', 'Plan limits'],
  ['clay', 'Clay'],
  ['prices', 'Prices'],
  ['sites', 'Sites'],
  ['accuracy', 'Accuracy'],
  ['data', 'Data'],
] as const;

/** Page frame: heading, section navigation, the form and its save bar. */
export function OptionsPage(props: { dirty: boolean; status: SaveStatus; onSave: () => void; onDiscard: () => void; children: ComponentChildren }) {
  return (
    <div class="options">
      <header>
        <h1>TokenTally settings</h1>
        <nav aria-label="Sections">
          <ul>
            {NAV.map(([id, label]) => (
              <li key={id}>
                <a href={`#${id}`}>{label}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          props.onSave();
        }}
      >
        <main>{props.children}</main>
        <SaveBar dirty={props.dirty} status={props.status} onSave={props.onSave} onDiscard={props.onDiscard} />
      </form>
    </div>
  );
}

export function LoadingPage() {
  return (
    <div class="options">
      <header>
        <h1>TokenTally settings</h1>
      </header>
      <p role="status">Loading settings…</p>
    </div>
  );
}
