import { useSiteHealth } from '@/components/popup/use-site-health';
import { findAdapter } from '@/utils/sites/find-adapter';
import { readingText, sinceText } from '@/utils/core/page/site-health-text';

/**
 * Per site: whether TokenTally reads the page with its adapter, with the fallback layer, or not
 * at all, and since when, as the sites' own pages last reported it. The current tab's site first.
 */
export function SiteHealth(props: { currentHost: string | null }) {
  const map = useSiteHealth();
  if (!map) return null;
  const hosts = Object.keys(map)
    .filter((host) => findAdapter(host).id !== 'generic')
    .sort((a, b) => (a === props.currentHost ? -1 : b === props.currentHost ? 1 : map[b]!.reportedAt - map[a]!.reportedAt));
  if (!hosts.length) return null;
  return (
    <details class="panel site-health" open={map[props.currentHost ?? '']?.reading === 'fallback' || undefined}>
      <summary>
        <h2>How each site is read</h2>
      </summary>
      <ul>
        {hosts.map((host) => {
          const health = map[host]!;
          const name = findAdapter(host).name;
          return (
            <li key={host} data-site-host={host} data-reading={health.reading} data-since={String(health.since)} class={health.reading === 'adapter' ? '' : 'warn'}>
              <strong>{name}</strong> <span class="muted">({host})</span>: {readingText(health.reading, name)}, {sinceText(health.since)}.
            </li>
          );
        })}
      </ul>
    </details>
  );
}
