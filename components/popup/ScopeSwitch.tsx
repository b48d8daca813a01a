import type { OtherBrowsers, PopupScope } from '@/components/popup/popup-scope';

const SCOPES: ReadonlyArray<[PopupScope, string]> = [
  ['all', 'All your browsers'],
  ['this', 'This browser'],
];

/** What "All your browsers" adds up, in a line: which other browsers, and how many have gone quiet. */
export function otherBrowsersText(others: OtherBrowsers): string {
  if (others.names.length === 0) return 'No other browser syncs here yet.';
  const shown = others.names.slice(0, 3).join(', ') + (others.names.length > 3 ? ` and ${others.names.length - 3} more` : '');
  const stale = others.stale ? ` (${others.stale} not updated for over a week)` : '';
  return `With ${shown}${stale}.`;
}

/** The popup's scope: one control per scope (`data-scope`), the chosen one pressed. Without `onChange` (the start-up paint) it only shows the choice. */
export function ScopeSwitch(props: { scope: PopupScope; onChange?: (scope: PopupScope) => void; others?: OtherBrowsers | null }) {
  return (
    <div class="scope" role="group" aria-label="Whose usage">
      <div class="actions__row">
        {SCOPES.map(([scope, label]) => (
          <button
            key={scope}
            type="button"
            data-scope={scope}
            aria-pressed={props.scope === scope}
            disabled={!props.onChange}
            onClick={() => props.scope !== scope && props.onChange?.(scope)}
          >
            {label}
          </button>
        ))}
      </div>
      {props.scope === 'all' && props.others && (
        <p class="muted small" data-testid="other-browsers">
          {otherBrowsersText(props.others)}
        </p>
      )}
    </div>
  );
}
