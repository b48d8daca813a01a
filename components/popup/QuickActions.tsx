import { useState } from 'preact/hooks';
import type { CurrentSite } from '@/components/popup/current-site';
import type { EnableResult } from '@/utils/sites/extra-sites';

export interface QuickActionHandlers {
  openOptions(): void;
  setPaused(host: string, paused: boolean): Promise<boolean>;
  /** Resolves with what to tell the user (records skipped, if any). */
  exportUsage(format: 'json' | 'csv'): Promise<string>;
  /** Called synchronously from the click (the permission prompt needs the gesture). */
  enableSite(address: string, tabId?: number): Promise<EnableResult>;
  /** Brings back a badge hidden with "Hide on this site"; resolves whether it was saved. */
  showBadge?(host: string): Promise<boolean>;
}

export function QuickActions(props: { site: CurrentSite | null; actions: QuickActionHandlers }) {
  const { site, actions } = props;
  const [status, setStatus] = useState('');
  const [address, setAddress] = useState('');
  const report = (p: Promise<unknown>, done?: string) =>
    p.then(
      (result) => setStatus(done ?? String(result)),
      (e: unknown) => setStatus(`Failed: ${e instanceof Error ? e.message : String(e)}`),
    );
  const enable = (addr: string) =>
    actions.enableSite(addr, site?.tabId).then(
      (r) => setStatus(r.ok ? `Enabled on ${r.host}. Reload the page if the badge does not appear.` : r.reason),
      (e: unknown) => setStatus(`Failed: ${e instanceof Error ? e.message : String(e)}`),
    );
  const canPause = !!site?.host && (site.supported || site.extra);
  const canEnableHere = !!site?.origin && !site.supported && !site.extra;

  return (
    <nav class="actions" aria-label="Quick actions">
      <div class="actions__row">
        <button type="button" onClick={() => actions.openOptions()}>
          Options
        </button>
        {canPause && (
          <button
            type="button"
            aria-pressed={site!.paused}
            data-testid="pause-site"
            onClick={() => report(actions.setPaused(site!.host!, !site!.paused), site!.paused ? `Counting resumed on ${site!.host}.` : `Counting paused on ${site!.host}.`)}
          >
            {site!.paused ? `Resume on ${site!.host}` : `Pause on ${site!.host}`}
          </button>
        )}
        {canEnableHere && (
          <button type="button" data-testid="enable-site" onClick={() => void enable(site!.origin!)}>
            Enable on {site!.host}
          </button>
        )}
        <button type="button" onClick={() => report(actions.exportUsage('csv'))}>
          Export CSV
        </button>
        <button type="button" onClick={() => report(actions.exportUsage('json'))}>
          Export JSON
        </button>
      </div>
      {!site?.host && (
        <details class="actions__more">
          <summary>Enable on another site</summary>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void enable(address);
            }}
          >
            <label for="extra-site">Site address</label>
            <input id="extra-site" type="text" inputMode="url" placeholder="example.com" value={address} onInput={(e) => setAddress(e.currentTarget.value)} />
            <button type="submit">Enable</button>
          </form>
        </details>
      )}
      <p class="actions__status" role="status" aria-live="polite">
        {status}
      </p>
    </nav>
  );
}
