import type { SiteAdapter } from './site-adapter';
import { SITE_ADAPTERS, genericAdapter } from './adapters';

/** The adapter for a hostname ("www." ignored), or the generic focused-field adapter. */
export function findAdapter(hostname: string): SiteAdapter {
  const host = hostname.toLowerCase().replace(/^www\./, '');
  return SITE_ADAPTERS.find((a) => a.hosts.includes(host)) ?? genericAdapter;
}
