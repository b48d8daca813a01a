import type { SiteAdapter } from '@/utils/core/sites/site-adapter';
import { SITE_ADAPTERS, genericAdapter } from '@/utils/sites/adapters';

/** The adapter for a hostname ("www." ignored), or the generic focused-field adapter. */
export function findAdapter(hostname: string): SiteAdapter {
  const host = hostname.toLowerCase().replace(/^www\./, '');
  return SITE_ADAPTERS.find((a) => a.hosts.includes(host)) ?? genericAdapter;
}
