import { useState } from 'preact/hooks';
import { HiddenBadgeList } from '@/components/HiddenBadgeList';

/**
 * The sites where "Hide on this site" took the badge away, each with a Show button that brings it
 * back (the pages pick it up without a reload).
 */
export function HiddenSites({ hosts, currentHost, onShow }: { hosts: readonly string[]; currentHost: string | null; onShow: (host: string) => Promise<boolean> }) {
  const [status, setStatus] = useState('');
  if (!hosts.length && !status) return null;
  // The site in the current tab first: that is the one the user came to fix.
  const ordered = [...hosts].sort((a, b) => Number(b === currentHost) - Number(a === currentHost) || a.localeCompare(b));
  return (
    <section class="panel hidden-sites" aria-labelledby="hidden-sites-title" data-testid="hidden-sites">
      <h2 id="hidden-sites-title">Hidden badges</h2>
      {ordered.length > 0 && (
        <HiddenBadgeList hosts={ordered} onShow={onShow} onStatus={setStatus} />
      )}
      <p class="muted small" role="status">
        {status}
      </p>
    </section>
  );
}
