import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { SaveStatus } from '@/components/options/use-options-form';
import { SaveBar } from '@/components/options/SaveBar';
import { YourBrowsers } from '@/components/options/DevicesSection';

const NAV = [
  ['limits', 'Limits'],
  ['plan-limits', 'Plan limits'],
  ['clay', 'Clay'],
  ['prices', 'Prices'],
  ['sites', 'Sites'],
  ['accuracy', 'Accuracy'],
  ['team-feed', 'Team feed'],
  ['data', 'Data'],
  ['devices', 'Your browsers'],
] as const;

/** Scrolls a focused field out from under the fixed save bar (Tab order runs under it). */
function useFocusClearOfSaveBar(): void {
  useEffect(() => {
    const onFocus = (event: FocusEvent) => {
      const target = event.target as HTMLElement | null;
      const bar = document.querySelector('.save-bar');
      if (!target || !bar || bar.contains(target)) return;
      const overlap = target.getBoundingClientRect().bottom - bar.getBoundingClientRect().top + 12;
      if (overlap > 0) window.scrollBy({ top: overlap });
    };
    document.addEventListener('focusin', onFocus);
    return () => document.removeEventListener('focusin', onFocus);
  }, []);
}

/** Page frame: heading, section navigation, the form and its save bar. */
export function OptionsPage(props: { dirty: boolean; status: SaveStatus; onSave: () => void; onDiscard: () => void; showClay?: boolean; children: ComponentChildren }) {
  useFocusClearOfSaveBar();
  return (
    <div class="options">
      <header>
        <h1>TokenTally settings</h1>
        <nav aria-label="Sections">
          <ul>
            {NAV.filter(([id]) => id !== 'clay' || props.showClay !== false).map(([id, label]) => (
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
        <main>
          {props.children}
          <YourBrowsers />
        </main>
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
