import type { ProviderId } from '../models/model-types';
import { SITE_ADAPTERS } from '../sites/adapters';
import { SUPPORTED_SITE_MATCHES } from '../sites/site-matches';

export interface SupportedSite {
  host: string;
  name: string;
  provider: ProviderId;
  /** The adapter's own default model, used when the user picks none. */
  adapterDefaultModel: string | null;
}

/** Every built-in host, in manifest order, named after its adapter. */
export function supportedSites(): SupportedSite[] {
  return SUPPORTED_SITE_MATCHES.map((pattern) => {
    const host = new URL(pattern.replace('/*', '/')).hostname;
    const adapter = SITE_ADAPTERS.find((a) => a.hosts.includes(host));
    return {
      host,
      name: adapter ? (adapter.hosts.length > 1 ? `${adapter.name} (${host})` : adapter.name) : host,
      provider: adapter?.provider ?? 'openai',
      adapterDefaultModel: adapter?.defaultModel ?? null,
    };
  });
}
