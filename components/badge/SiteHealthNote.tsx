import { useState } from 'preact/hooks';
import type { SiteHealth } from '@/utils/core/page/page-state';
import { readingText, sinceText } from '@/utils/core/page/site-health-text';

/** The expanded badge's line on who reads this page, with the diagnostics button for bug reports. */
export function SiteHealthNote(props: { health: SiteHealth; siteName: string; onCopyDiagnostics: () => Promise<boolean> }) {
  const { health } = props;
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <div class="note" data-field="site-health" data-reading={health.reading} data-since={String(health.since)}>
      <span class={health.reading === 'adapter' ? '' : 'warn'}>
        {readingText(health.reading, props.siteName)} ({sinceText(health.since)}).
      </span>{' '}
      <button
        type="button"
        title="Copies the page's structure (element names, roles and attribute names; no text) for a bug report"
        onClick={() => void props.onCopyDiagnostics().then((ok) => setCopied(ok ? 'copied' : 'failed'))}
      >
        Copy diagnostics
      </button>{' '}
      <span role="status" aria-live="polite">
        {copied === 'copied' ? 'Copied (no text included)' : copied === 'failed' ? "Couldn't copy" : ''}
      </span>
    </div>
  );
}
